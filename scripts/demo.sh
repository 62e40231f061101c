#!/usr/bin/env bash
# Sets up everything, builds the bundle and serves the demo: the seed page rebuilt with the
# three widgets, the sample feed and the feedback collector, at http://127.0.0.1:8080
# (set FW_LISTEN to change it). Ctrl-C stops it; ratings stay in collector-data/.
#
# The report, summary and CSV need the admin token: the first run makes one (128 random
# bits) in collector-data/admin-token, readable by you only, and every run prints it. The
# browser asks for it when you open the report: any user name, the token as password.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
. scripts/env.sh
listen="${FW_LISTEN:-127.0.0.1:8080}"
token_file=collector-data/admin-token
if [[ ! -s "$token_file" ]]; then
  mkdir -p collector-data
  (umask 077 && head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$token_file")
fi
token="$(cat "$token_file")"
echo
echo "Demo:        http://$listen/"
echo "CSAT report: http://$listen/report  (any user name; password: $token)"
echo "Admin token: $token  (in $token_file; e.g. curl -H 'Authorization: Bearer $token' http://$listen/api/feedback.csv)"
exec cargo run --release --quiet -p feedwidgets-collector -- --listen "$listen" --site-dir demo --bundle-dir dist \
  --admin-token-file "$token_file"
