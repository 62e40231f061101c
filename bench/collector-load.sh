#!/usr/bin/env bash
# Loopback load benchmark of the feedback collector (not a test; not run in CI).
#
#   bench/collector-load.sh [sqlite|postgres]   # default sqlite; 10 s per measurement
#   DURATION=30s bench/collector-load.sh postgres
#   CONNECTION_STEPS="64" bench/collector-load.sh   # only 64 connections
#   SUMMARY_RECORDS=0 bench/collector-load.sh       # skip the summary measurement
#   EXPORT_RECORDS=0 bench/collector-load.sh        # skip the CSV flood
#
# 1. builds the release binary (cargo build --release -p feedwidgets-collector);
# 2. starts it on 127.0.0.1 (free port) on a fresh database (sqlite: a file in a temp dir;
#    postgres: a throwaway cluster from scripts/postgres.sh, synchronous_commit=on, a new
#    database per measurement) with a rate limit far above what one machine can send;
# 3. for each of CONNECTION_STEPS (default 1 16 64) runs wrk against POST /api/feedback, every
#    request with a new submission_id and submission_key, and prints accepted submissions per
#    second (2xx answers, cross-checked with the records stored) and p50/p99 latency;
# 4. restarts it on a database holding SUMMARY_RECORDS (default 100000) ratings and times
#    GET /api/feedback/summary with 1 connection and with 64;
# 5. restarts it on a database holding EXPORT_RECORDS (default 49000) ratings with comments
#    and measures POST /api/feedback at 64 connections alone, then again while EXPORTS
#    (default 16) clients download GET /api/feedback.csv over and over: submissions must keep
#    at least half their throughput (the script says whether they did); also prints the
#    number of exports completed and the collector's peak resident memory (VmHWM);
# 6. stops everything and deletes the temp dir (and the cluster).
#
# Needs wrk (Debian: apt-get install -y wrk), curl, python3 and, for postgres, psql.
# The load generator shares the CPU with the service, so figures are a floor for the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

BACKEND="${1:-sqlite}"
case "$BACKEND" in
  sqlite | postgres) ;;
  *) echo "usage: bench/collector-load.sh [sqlite|postgres]" >&2; exit 2 ;;
esac
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
CONNECTION_STEPS="${CONNECTION_STEPS:-1 16 64}"
SUMMARY_RECORDS="${SUMMARY_RECORDS:-100000}"
EXPORT_RECORDS="${EXPORT_RECORDS:-49000}"
EXPORTS="${EXPORTS:-16}"
RATE=1000000000 # per minute and burst: never reached
# The read endpoints need the admin token; a fresh one per run.
token="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
auth="Authorization: Bearer $token"

tools="wrk curl python3"
[[ "$BACKEND" == postgres ]] && tools="$tools psql"
for tool in $tools; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required (wrk: apt-get install -y wrk)" >&2; exit 1; }
done

cargo build --release --quiet -p feedwidgets-collector
bin="${CARGO_TARGET_DIR:-target}/release/feedwidgets-collector"

tmp="$(mktemp -d)"
pid=""
pg_dir=""
stop() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" || true
  fi
  pid=""
}
cleanup() {
  stop
  if [[ -n "$pg_dir" ]]; then
    scripts/postgres.sh stop "$pg_dir" || true
    rm -rf "$pg_dir"
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"

pg_url=""
if [[ "$BACKEND" == postgres ]]; then
  # A directory of its own: the cluster's owner (postgres, when run as root) must reach it.
  pg_dir="$(mktemp -d)"
  pg_url="$(scripts/postgres.sh start "$pg_dir")"
fi

# A fresh, empty database named $1: a file path for sqlite, a URL for postgres.
new_db() {
  if [[ "$BACKEND" == postgres ]]; then
    psql -q "$pg_url" -c "CREATE DATABASE $1" >/dev/null
    echo "${pg_url%/*}/$1"
  else
    echo "$tmp/$1.sqlite3"
  fi
}

start() { # $1 = what new_db returned
  local where=(--db "$1")
  [[ "$BACKEND" == postgres ]] && where=(--database-url "$1")
  RUST_LOG=warn FW_ADMIN_TOKEN="$token" "$bin" --listen "127.0.0.1:$port" "${where[@]}" \
    --rate-limit-per-minute "$RATE" --rate-limit-burst "$RATE" \
    --site-dir "$tmp/site" --bundle-dir "$tmp/dist" 2>>"$tmp/collector.log" &
  pid=$!
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "bench: the collector did not start:" >&2
  cat "$tmp/collector.log" >&2
  exit 1
}

records() { curl -fsS "$base/healthz" | python3 -c 'import json, sys; print(json.load(sys.stdin)["records"])'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "backend: $BACKEND; wrk: up to $THREADS threads, $DURATION per measurement"

# wrk with at most one thread per connection (it refuses more threads than connections).
bench_wrk() { # $1 = connections, then wrk's other arguments
  local c="$1"
  shift
  wrk -t"$(( c < THREADS ? c : THREADS ))" -c"$c" -d"$DURATION" "$@"
}

# ---------------------------------------------------------------- POST /api/feedback
echo
echo "== POST /api/feedback (unique submission ids and keys), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-11s %12s %9s %9s %10s %8s\n' connections accepted/s p50_ms p99_ms stored/s non2xx
for c in $CONNECTION_STEPS; do
  start "$(new_db "post_$c")"
  out="$(bench_wrk "$c" --latency -s bench/post-feedback.lua "$base/api/feedback")"
  stored="$(records)"
  python3 - "$c" "$stored" "$out" <<'PY'
import re, sys
text = sys.argv[3]
field = lambda name: float(re.search(name + r"=([0-9.]+)", text).group(1))
c, stored = sys.argv[1], int(sys.argv[2])
print(f"  {c:<11} {field('accepted_per_s'):12.0f} {field('p50_ms'):9.2f} {field('p99_ms'):9.2f} "
      f"{stored / field('seconds'):10.0f} {field('non2xx'):8.0f}")
PY
  stop
done

seed() { # $1 = what new_db returned, $2 = records, $3 = comment text ("" for none)
  start "$1" # creates the schema
  stop
  if [[ "$BACKEND" == postgres ]]; then
    psql -q -v ON_ERROR_STOP=1 -v n="$2" -v comment="$3" "$1" >/dev/null <<'SQL'
INSERT INTO feedback (submission_id, rating, comment, page, page_language, widget_language,
                      translated, elapsed_ms, spam, received_at, created_at, updated_at)
SELECT lpad(to_hex(i), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'), i % 5 + 1,
       CASE WHEN :'comment' = '' THEN NULL ELSE i || ' ' || :'comment' END,
       CASE WHEN i % 42 < 40 THEN '/news/item-' || (i % 42) WHEN i % 42 = 40 THEN '/' ELSE '/about' END,
       'en', (ARRAY['en', 'ar', 'fr', 'es', 'id'])[i % 5 + 1], i % 4 = 0, 1000 + i, FALSE,
       '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
FROM generate_series(0, :n - 1) AS i;
ANALYZE feedback;
SQL
    return
  fi
  python3 - "$1" "$2" "$3" <<'PY'
import sqlite3, sys
db, n, comment = sys.argv[1], int(sys.argv[2]), sys.argv[3] or None
pages = [f"/news/item-{i}" for i in range(40)] + ["/", "/about"]
langs = ["en", "ar", "fr", "es", "id"]
rows = [
    (f"{i:08x}-0000-4000-8000-{i:012x}", i % 5 + 1, comment and f"{i} {comment}",
     pages[i % len(pages)], "en", langs[i % len(langs)], i % 4 == 0, 1000 + i, 0)
    for i in range(n)
]
con = sqlite3.connect(db)
with con:
    con.executemany(
        "INSERT INTO feedback (submission_id, rating, comment, page, page_language, widget_language,"
        " translated, elapsed_ms, spam, received_at, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',"
        " '2026-01-01T00:00:00.000Z')",
        rows,
    )
con.close()
PY
}

# ---------------------------------------------------------------- GET /api/feedback/summary
if [[ "$SUMMARY_RECORDS" -gt 0 ]]; then
  db="$(new_db summary)"
  seed "$db" "$SUMMARY_RECORDS" ""
  start "$db"
  echo
  echo "== GET /api/feedback/summary ($(records) records)"
  # One dashboard reader, then many (SQLite reads run on up to four read-only connections,
  # PostgreSQL ones on the pool, so latency grows with the number of connections).
  for c in 1 "$CONNECTIONS"; do
    echo "  $c connection(s):"
    bench_wrk "$c" --latency -s bench/get-summary.lua -H "$auth" \
      "$base/api/feedback/summary" | grep '^BENCH' | sed 's/^BENCH /    /'
  done
  stop
fi

# ---------------------------------------------------------------- POST during a CSV flood
if [[ "$EXPORT_RECORDS" -gt 0 ]]; then
  db="$(new_db export)"
  seed "$db" "$EXPORT_RECORDS" "Très bien; the page was clear, =1+1 and a tab	inside, merci beaucoup."
  start "$db"
  csv_bytes="$(curl -fsS -H "$auth" "$base/api/feedback.csv" | wc -c)"
  echo
  echo "== POST /api/feedback during a CSV flood ($(records) records, CSV of $(( csv_bytes / 1024 )) KiB)"
  alone="$(bench_wrk "$CONNECTIONS" -s bench/post-feedback.lua "$base/api/feedback" | grep '^BENCH')"
  echo "  alone:"
  sed 's/^BENCH /    /' <<<"$alone"
  # EXPORTS clients each download the whole CSV over and over until the stop file appears.
  : >"$tmp/exports.count"
  loops=()
  for _ in $(seq "$EXPORTS"); do
    (
      while [[ ! -e "$tmp/flood.stop" ]]; do
        curl -fsS -H "$auth" -o /dev/null "$base/api/feedback.csv" && echo x >>"$tmp/exports.count"
      done
    ) &
    loops+=("$!")
  done
  sleep 1 # let the flood reach its pace before measuring
  flood="$(bench_wrk "$CONNECTIONS" -s bench/post-feedback.lua "$base/api/feedback" | grep '^BENCH')"
  touch "$tmp/flood.stop"
  exports_done="$(wc -l <"$tmp/exports.count")"
  echo "  during $EXPORTS parallel exports:"
  sed 's/^BENCH /    /' <<<"$flood"
  peak="$(grep VmHWM "/proc/$pid/status" | awk '{print $2}')"
  wait "${loops[@]}" || true
  echo "  exports completed during the run: $exports_done; collector peak RSS: $(( peak / 1024 )) MiB"
  python3 - "$alone" "$flood" <<'PY'
import re, sys
rate = lambda s: float(re.search(r"accepted_per_s=([0-9.]+)", s).group(1))
alone, flood = rate(sys.argv[1]), rate(sys.argv[2])
share = flood / alone if alone else 0
print(f"  submissions keep {share:.0%} of their throughput during the flood "
      f"({'at least half: ok' if share >= 0.5 else 'LESS THAN HALF'})")
PY
  stop
fi
