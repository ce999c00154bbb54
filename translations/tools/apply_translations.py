#!/usr/bin/env python3
"""Fills the unfinished messages of translations/microshop_zh_CN.ts from Python dictionaries of
English -> Chinese; finished (reviewed) translations are left as they are.

Usage: apply_translations.py TS_FILE DICTIONARY.py...
Each dictionary file defines dicts T* (source -> translation), and optionally CONTEXT
((context, source) -> translation) and NUMERUS (source -> translation with %n). Checks that every
placeholder (%1, %n) and accelerator letter survives, and reports what is left untranslated.
"""
import re
import sys
import xml.etree.ElementTree as ET

ts_file, dictionaries = sys.argv[1], sys.argv[2:]
table, context_table, numerus = {}, {}, {}
for path in dictionaries:
    scope = {}
    exec(open(path, encoding='utf-8').read(), scope)
    for name, value in scope.items():
        if name.startswith('T') and isinstance(value, dict):
            table.update(value)
    context_table.update(scope.get('CONTEXT', {}))
    numerus.update(scope.get('NUMERUS', {}))

tree = ET.parse(ts_file)
problems, missing = [], []
for context in tree.getroot().findall('context'):
    context_name = context.find('name').text
    for message in context.findall('message'):
        source = message.find('source').text or ''
        translation = message.find('translation')
        if translation.get('type') != 'unfinished':
            continue
        is_numerus = message.get('numerus') == 'yes'
        text = context_table.get((context_name, source)) or (numerus.get(source) if is_numerus else table.get(source))
        if text is None:
            missing.append((context_name, source))
            continue
        for marker in set(re.findall(r'%\d|%n', source)):
            if marker not in text:
                problems.append(f'{marker} lost in: {source!r}')
        accelerator = re.search(r'&([A-Za-z0-9])', source)
        if accelerator and f'(&{accelerator.group(1).upper()})' not in text and f'&{accelerator.group(1)}' not in text:
            problems.append(f'accelerator &{accelerator.group(1)} lost in: {source!r}')
        translation.attrib.pop('type', None)
        for child in list(translation):
            translation.remove(child)
        if is_numerus:
            translation.text = None
            form = ET.SubElement(translation, 'numerusform')
            form.text = text
        else:
            translation.text = text

tree.write(ts_file, encoding='utf-8', xml_declaration=True)
with open(ts_file, encoding='utf-8') as f:
    content = f.read()
if '<!DOCTYPE TS>' not in content:
    content = content.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
with open(ts_file, 'w', encoding='utf-8') as f:
    f.write(content)
for problem in problems:
    print('PROBLEM', problem)
for context_name, source in missing:
    print('MISSING', context_name, repr(source))
print(f'{len(missing)} missing, {len(problems)} problems')
sys.exit(1 if problems or missing else 0)
