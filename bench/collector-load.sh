#!/usr/bin/env bash
# Loopback load benchmark of the feedback collector (not a test; not run in CI).
#
#   bench/collector-load.sh                     # 10 s, 2 wrk threads, 32 connections
#   DURATION=30s CONNECTIONS=64 bench/collector-load.sh
#   SUMMARY_RECORDS=0 bench/collector-load.sh   # skip the summary measurement
#   EXPORT_RECORDS=0 bench/collector-load.sh    # skip the CSV flood
#
# 1. builds the release binary (cargo build --release -p feedwidgets-collector);
# 2. starts it on 127.0.0.1 (free port) with a fresh SQLite file in a temp dir and a rate
#    limit far above what one machine can send;
# 3. runs wrk against POST /api/feedback, every request with a new submission_id, and prints
#    accepted submissions per second (2xx answers, cross-checked with the records on disk) and
#    p50/p90/p99 latency;
# 4. restarts it on a second database holding SUMMARY_RECORDS (default 10000) ratings and
#    measures GET /api/feedback/summary with 1 connection and with CONNECTIONS;
# 5. restarts it on a third database holding EXPORT_RECORDS (default 49000) ratings with
#    comments and measures POST /api/feedback alone, then again while EXPORTS (default 16)
#    clients download GET /api/feedback.csv over and over: submissions must keep at least
#    half their throughput (the script says whether they did); also prints the number of
#    exports completed and the collector's peak resident memory (VmHWM);
# 6. stops everything and deletes the temp dir.
#
# Needs wrk (Debian: apt-get install -y wrk), curl and python3 (to seed the second database).
# The load generator shares the CPU with the service, so figures are a floor for the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
SUMMARY_RECORDS="${SUMMARY_RECORDS:-10000}"
EXPORT_RECORDS="${EXPORT_RECORDS:-49000}"
EXPORTS="${EXPORTS:-16}"
RATE=1000000000 # per minute and burst: never reached
# The read endpoints need the admin token; a fresh one per run.
token="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
auth="Authorization: Bearer $token"

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required (wrk: apt-get install -y wrk)" >&2; exit 1; }
done

cargo build --release --quiet -p feedwidgets-collector
bin="${CARGO_TARGET_DIR:-target}/release/feedwidgets-collector"

tmp="$(mktemp -d)"
pid=""
stop() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" || true
  fi
  pid=""
}
cleanup() { stop; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"

start() { # $1 = database file
  RUST_LOG=warn FW_ADMIN_TOKEN="$token" "$bin" --listen "127.0.0.1:$port" --db "$1" \
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
echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION"

# ---------------------------------------------------------------- POST /api/feedback
start "$tmp/post.sqlite3"
echo
echo "== POST /api/feedback (unique submission ids)"
out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post-feedback.lua "$base/api/feedback")"
grep '^BENCH' <<<"$out" | sed 's/^BENCH /  /'
seconds="$(grep -o 'seconds=[0-9.]*' <<<"$out" | cut -d= -f2)"
stored="$(records)"
python3 -c "import sys; print(f'  records on disk {int(sys.argv[1])}: {int(sys.argv[1]) / float(sys.argv[2]):.0f} stored per second')" "$stored" "$seconds"
stop

seed() { # $1 = database file, $2 = records, $3 = comment text ("" for none)
  start "$1" # creates the schema
  stop
  python3 - "$1" "$2" "$3" <<'PY'
import sqlite3, sys
db, n, comment = sys.argv[1], int(sys.argv[2]), sys.argv[3] or None
pages = [f"/news/item-{i}" for i in range(40)] + ["/", "/about"]
langs = ["en", "ar", "fr", "es", "id"]
rows = [
    (f"5eed{i:04x}-0000-4000-8000-{i:012x}", i % 5 + 1, comment and f"{i} {comment}",
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
  db="$tmp/summary.sqlite3"
  seed "$db" "$SUMMARY_RECORDS" ""
  start "$db"
  echo
  echo "== GET /api/feedback/summary ($(records) records)"
  # One dashboard reader, then the same concurrency as above (reads run on up to four
  # read-only connections, so latency grows with the number of connections).
  for c in 1 "$CONNECTIONS"; do
    echo "  $c connection(s):"
    wrk -t"$(( c < THREADS ? c : THREADS ))" -c"$c" -d"$DURATION" --latency -s bench/get-summary.lua -H "$auth" \
      "$base/api/feedback/summary" | grep '^BENCH' | sed 's/^BENCH /    /'
  done
  stop
fi

# ---------------------------------------------------------------- POST during a CSV flood
if [[ "$EXPORT_RECORDS" -gt 0 ]]; then
  db="$tmp/export.sqlite3"
  seed "$db" "$EXPORT_RECORDS" "Très bien; the page was clear, =1+1 and a tab	inside, merci beaucoup."
  start "$db"
  csv_bytes="$(curl -fsS -H "$auth" "$base/api/feedback.csv" | wc -c)"
  echo
  echo "== POST /api/feedback during a CSV flood ($(records) records, CSV of $(( csv_bytes / 1024 )) KiB)"
  alone="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/post-feedback.lua "$base/api/feedback" | grep '^BENCH')"
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
  flood="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/post-feedback.lua "$base/api/feedback" | grep '^BENCH')"
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
