#!/usr/bin/env bash
# Runs a command with no network but loopback, the way the browser suites must pass:
#
#   scripts/offline.sh refuse CMD...   lookups of every name but localhost fail at once
#   scripts/offline.sh hang CMD...     lookups of every name but localhost never answer
#
# The command gets its own network namespace (only `lo`, up) and its own mount namespace in
# which /etc/resolv.conf names a resolver on 127.0.0.1: nothing listens there in `refuse`
# mode, and in `hang` mode a UDP socket reads every query and answers none. A test that
# passes only because a lookup of an outside name is fast, or slow, fails in one of the two.
#
# Needs root, or unprivileged user namespaces (then it runs under `unshare --map-root-user`).
# Where neither works it fails, unless FW_OFFLINE_OPTIONAL=1, which runs the command as it is
# with a warning (never in CI).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
case "$mode" in
  refuse | hang) shift ;;
  *) echo "usage: scripts/offline.sh refuse|hang COMMAND [ARG...]" >&2; exit 2 ;;
esac
[ "$#" -gt 0 ] || { echo "offline: no command given" >&2; exit 2; }

unshare_flags=(--net --mount --propagation private)
[ "$(id -u)" = 0 ] || unshare_flags+=(--map-root-user)

if ! unshare "${unshare_flags[@]}" true 2>/dev/null; then
  if [ "${FW_OFFLINE_OPTIONAL:-}" = 1 ] && [ "${CI:-}" != true ]; then
    echo "offline: cannot make a network namespace here; running '$*' WITH the network" >&2
    exec "$@"
  fi
  echo "offline: cannot make a network namespace (unshare ${unshare_flags[*]} failed): run as root," \
    "or enable unprivileged user namespaces" >&2
  exit 1
fi

conf="$(mktemp)"
trap 'rm -f "$conf"' EXIT
# One attempt, and long enough that a hung lookup outlasts any test's own wait.
printf 'nameserver 127.0.0.1\noptions timeout:30 attempts:1\n' >"$conf"

# Inside the namespaces: loopback up, the resolver swapped, then the command. In hang mode the
# silent resolver runs beside it and is stopped with it.
inner='
  set -euo pipefail
  conf="$1"; mode="$2"; shift 2
  ip link set lo up
  mount --bind "$conf" /etc/resolv.conf
  silent=""
  if [ "$mode" = hang ]; then
    node scripts/silent-resolver.mjs & silent=$!
    for _ in $(seq 100); do
      [ -n "$(ss -Hlun "sport = :53" 2>/dev/null)" ] && break
      sleep 0.05
    done
  fi
  status=0
  "$@" || status=$?
  [ -z "$silent" ] || kill "$silent" 2>/dev/null || true
  exit "$status"
'
echo "offline ($mode): $*" >&2
unshare "${unshare_flags[@]}" bash -c "$inner" offline "$conf" "$mode" "$@"
