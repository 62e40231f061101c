#!/usr/bin/env bash
# Sets up everything, builds the bundle and serves the demo: the seed page rebuilt with the
# three widgets, the sample feed and the feedback collector, at http://127.0.0.1:8080
# (set FW_LISTEN to change it). Ctrl-C stops it; ratings stay in collector-data/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
. scripts/env.sh
listen="${FW_LISTEN:-127.0.0.1:8080}"
echo
echo "Demo: http://$listen/   CSAT report: http://$listen/report"
exec cargo run --release --quiet -p feedwidgets-collector -- --listen "$listen" --site-dir demo --bundle-dir dist
