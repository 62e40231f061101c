#!/usr/bin/env bash
# Fuzzes the feed reader (feed_parse) and the collector's payload validation (collector_payload)
# with cargo-fuzz and libFuzzer. Not run by CI: it takes minutes and finds things by chance.
#
#   scripts/fuzz.sh [TARGET...]          both targets when none is named
#
#   FUZZ_SECONDS=120     how long each target runs
#   FUZZ_SANITIZER=none  or address; the code under test is safe Rust, where AddressSanitizer
#                        finds little and halves the executions per second
#
# Crashing inputs land in fuzz/artifacts/TARGET/; the corpus grows in fuzz/corpus/TARGET/ and is
# seeded from the repository's feeds and payloads on every run. Once a crash is fixed, copy its
# input to fuzz/regressions/TARGET/: `cargo test --workspace` replays every file there.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

seconds="${FUZZ_SECONDS:-120}"
sanitizer="${FUZZ_SANITIZER:-none}"
if [ "$#" -gt 0 ]; then targets=("$@"); else targets=(feed_parse collector_payload); fi

# cargo-fuzz passes nightly-only flags (-Zsanitizer, sanitizer coverage) to rustc; this lets the
# stable toolchain accept them.
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

# Copies the seeds of TARGET into its corpus; a seed already there is overwritten with itself.
seed() {
  local target="$1"
  local corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  case "$target" in
    feed_parse)
      find tests/fixtures -type f -name '*.json' -exec cp {} "$corpus/" \;
      cp demo/feed.json "$corpus/"
      ;;
  esac
  # Hand-written seeds (the collector's test payloads, a WordPress posts list) and the kept
  # regressions, so each run starts from every input that ever mattered.
  for dir in "fuzz/seeds/$target" "fuzz/regressions/$target"; do
    if [ -d "$dir" ]; then find "$dir" -type f -exec cp {} "$corpus/" \;; fi
  done
}

# The largest body the collector reads before validation; bigger ones are refused unread.
max_len() {
  case "$1" in
    collector_payload) echo 8192 ;;
    *) echo 16384 ;;
  esac
}

failed=()
for target in "${targets[@]}"; do
  seed "$target"
  mkdir -p "fuzz/artifacts/$target"
  log="fuzz/artifacts/$target/last-run.log"
  printf '\n== %s: %s s, sanitizer %s, log %s\n' "$target" "$seconds" "$sanitizer" "$log"
  # One libFuzzer process (no -jobs/-fork) fuzzes on one core: the machine's other core stays
  # free for builds.
  if cargo fuzz run --sanitizer "$sanitizer" "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" \
    -max_len="$(max_len "$target")" \
    -dict="fuzz/dict/$target.dict" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -print_final_stats=1 \
    2>&1 | tee "$log"; then
    :
  else
    failed+=("$target")
  fi
  printf '== %s: corpus %s inputs; last status: %s\n' "$target" \
    "$(find "fuzz/corpus/$target" -type f | wc -l)" \
    "$(grep -E '^#[0-9]+' "$log" | tail -n 1)"
done

if [ "${#failed[@]}" -gt 0 ]; then
  printf '\nCrash or failure in: %s (inputs in fuzz/artifacts/)\n' "${failed[*]}" >&2
  exit 1
fi
