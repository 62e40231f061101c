#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the collector's tests and benchmarks, on loopback, owned by
# the `postgres` user when run as root (initdb refuses root), never touching a system cluster.
#
#   scripts/postgres.sh start DIR   initdb in DIR/data, start it on a free 127.0.0.1 port,
#                                   write its URL to DIR/url and print it
#   scripts/postgres.sh stop DIR    stop it (fast shutdown); safe when it is not running
#   scripts/postgres.sh crash DIR   stop it as a crash would (immediate shutdown, no checkpoint)
#   scripts/postgres.sh restart DIR start the cluster in DIR again, on the port of DIR/url
#
# Installs Debian's `postgresql` when no server binaries are found.
set -euo pipefail
cd "$(dirname "$0")/.."

command="${1:-}"
dir="${2:-}"
[ -n "$command" ] && [ -n "$dir" ] || { echo "usage: scripts/postgres.sh start|stop|crash|restart DIR" >&2; exit 2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The newest installed server's binaries.
bin_dir() {
  local version
  version="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$version" ] && [ -x "/usr/lib/postgresql/$version/bin/initdb" ] && echo "/usr/lib/postgresql/$version/bin"
}

# Runs a server command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

free_port() {
  local port
  for port in $(seq 54329 54429); do
    if [ -z "$(ss -Htln "sport = :$port" 2>/dev/null)" ]; then echo "$port"; return; fi
  done
  echo "postgres: no free port in 54329-54429" >&2
  return 1
}

case "$command" in
  start)
    if ! bin_dir >/dev/null; then
      echo "== installing PostgreSQL (Debian's postgresql)" >&2
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    bin="$(bin_dir)"
    mkdir -p "$dir"
    [ "$(id -u)" != 0 ] || chown postgres "$dir"
    port="$(free_port)"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
    # synchronous_commit stays on (the default): an acknowledged rating is on disk.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    url="postgres://postgres@127.0.0.1:$port/postgres"
    echo "$url" >"$dir/url"
    echo "$url"
    ;;
  stop)
    if bin="$(bin_dir)" && [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    ;;
  crash)
    bin="$(bin_dir)"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  restart)
    bin="$(bin_dir)"
    port="$(sed -E 's|.*:([0-9]+)/.*|\1|' "$dir/url")"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop|crash|restart DIR" >&2
    exit 2
    ;;
esac
