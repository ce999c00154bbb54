#!/usr/bin/env bash
# Starts or stops the throwaway PostgreSQL server that the tests run against (a CTest fixture):
#   postgres_fixture.sh start STATE_DIR   -> STATE_DIR/url holds the superuser's URL
#   postgres_fixture.sh stop STATE_DIR
#   postgres_fixture.sh halt STATE_DIR      -> the server killed at once (a crash), data kept
#   postgres_fixture.sh restart STATE_DIR   -> started again on the same port with the same data
# (halt and restart are for a test's own server: a window that loses its server and gets it back.)
# The server listens on 127.0.0.1 only, on a free port, with its data in a temporary folder, and
# requires a password over TCP so that the tests can check a wrong one. Any failure is loud.
set -euo pipefail

action=${1:?start or stop}
state=${2:?state directory}
password=microshop-test

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres_fixture: FAIL: no PostgreSQL server found under /usr/lib/postgresql" \
         "(install the postgresql package; ./dev.sh test does)" >&2
    exit 1
fi

# initdb refuses to run as root: run the server as the postgres user then.
as_server_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$action" in
start)
    if [ -f "$state/datadir" ]; then "$0" stop "$state" || true; fi
    mkdir -p "$state"
    data=$(mktemp -d /tmp/microshop-pg.XXXXXX)
    echo "$data" > "$state/datadir"
    [ "$(id -u)" = 0 ] && chown postgres "$data"
    printf '%s\n' "$password" > "$data/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres "$data/pwfile"
    port=$(free_port)
    echo "$port" > "$state/port"
    if ! as_server_user "$bin/initdb" -D "$data/cluster" -U postgres --pwfile="$data/pwfile" \
            --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
            > "$data/initdb.log" 2>&1; then
        echo "postgres_fixture: FAIL: initdb failed:" >&2; cat "$data/initdb.log" >&2; exit 1
    fi
    if ! as_server_user "$bin/pg_ctl" -D "$data/cluster" -l "$data/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c max_connections=200" \
            start > "$data/pg_ctl.log" 2>&1; then
        echo "postgres_fixture: FAIL: the server did not start:" >&2
        cat "$data/pg_ctl.log" "$data/server.log" >&2 || true
        exit 1
    fi
    echo "postgresql://postgres:$password@127.0.0.1:$port/postgres" > "$state/url"
    echo "postgres_fixture: PostgreSQL listening on 127.0.0.1:$port, data in $data"
    ;;
halt)
    data=$(cat "$state/datadir")
    as_server_user "$bin/pg_ctl" -D "$data/cluster" -m immediate -w stop > /dev/null
    echo "postgres_fixture: halted"
    ;;
restart)
    data=$(cat "$state/datadir")
    port=$(cat "$state/port")
    if ! as_server_user "$bin/pg_ctl" -D "$data/cluster" -l "$data/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c max_connections=200" \
            start > "$data/pg_ctl.log" 2>&1; then
        echo "postgres_fixture: FAIL: the server did not start again:" >&2
        cat "$data/pg_ctl.log" "$data/server.log" >&2 || true
        exit 1
    fi
    echo "postgres_fixture: PostgreSQL listening again on 127.0.0.1:$port"
    ;;
stop)
    if [ -f "$state/datadir" ]; then
        data=$(cat "$state/datadir")
        as_server_user "$bin/pg_ctl" -D "$data/cluster" -m immediate -w stop > /dev/null 2>&1 || true
        rm -rf "$data"
    fi
    rm -f "$state/datadir" "$state/url" "$state/port"
    echo "postgres_fixture: stopped"
    ;;
*)
    echo "usage: $0 start|stop|halt|restart STATE_DIR" >&2; exit 2 ;;
esac
