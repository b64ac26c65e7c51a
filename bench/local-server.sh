#!/usr/bin/env bash
# Measures the local server the way a developer meets it, on this machine and against 127.0.0.1
# only:
#   1. time from the README's command to "Ready" (Maven's incremental build, JVM, embedded
#      PostgreSQL start and migration included), and the JVM's own start-to-ready time;
#   2. the first requests' latencies (cold starts of their functions) and a warm one;
#   3. GET /runs/{id} under wrk: 16 connections, requests/s and p50/p99, after a warm-up;
#   4. Ctrl-C (SIGINT to the command's process group): time to exit, and no PostgreSQL left.
# Usage: bench/local-server.sh [template.yaml]
#   env: PORT=3900 DURATION=30s WARMUP=10s JVM_ARGS="..." (the server JVM's options; default the pom's)
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPLATE=${1:-template.yaml}
PORT=${PORT:-3900}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
BASE=http://127.0.0.1:$PORT
LOG=$(mktemp /tmp/stride-local-bench.XXXXXX.log)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl" >&2; exit 1; }
[[ -f $TEMPLATE ]] || { echo "no template at $TEMPLATE" >&2; exit 1; }

echo "== building once, so that the timing below is of a developer's second run"
./mvnw -q -B -pl local -am package -Dmaven.test.skip

echo "== starting: ./mvnw -q -pl local -am package -Dmaven.test.skip -Pserve"
# Job control: the command gets a process group of its own, and keeps SIGINT (a script's
# background jobs otherwise ignore it), so that Ctrl-C can be sent to it as a terminal would.
set -m
start=$(date +%s%N)
./mvnw -q -B -pl local -am package -Dmaven.test.skip -Pserve ${JVM_ARGS+"-Dlocal.jvmArgs=$JVM_ARGS"} \
  -Dlocal.args="serve --port $PORT --template $TEMPLATE --fresh --parameter-overrides 'ApiThrottlingRateLimit=100000 ApiThrottlingBurstLimit=100000'" >"$LOG" 2>&1 &
group=$!
set +m
stop() { kill -INT -- "-$group" 2>/dev/null || true; }
trap stop EXIT
until grep -q "^Ready on" "$LOG"; do
  if ! kill -0 "$group" 2>/dev/null; then cat "$LOG"; echo "the server did not start" >&2; exit 1; fi
  if (( ($(date +%s%N) - start) / 1000000000 > 180 )); then echo "not ready after 180 s" >&2; exit 1; fi
  sleep 0.05
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
echo "command to ready: ${ready} ms   ($(grep '^Ready on' "$LOG"))"

timed() { curl -s -o /tmp/stride-bench-body -w '%{http_code} %{time_total}' "$@"; }
token_answer=$(timed -X POST "$BASE/_local/token" -H 'content-type: application/json' -d '{"sub":"bench"}')
token=$(sed -E 's/.*"token":"([^"]+)".*/\1/' /tmp/stride-bench-body)
auth=(-H "authorization: Bearer $token" -H 'content-type: application/json')
create_user=$(timed -X POST "$BASE/users" "${auth[@]}" -d '{"username":"Bench","email":"bench@example.com"}')
user=$(sed -E 's/.*"id":([0-9]+).*/\1/' /tmp/stride-bench-body)
create_run=$(timed -X POST "$BASE/users/$user/runs" "${auth[@]}" -d '{"distance":5.2,"durationSeconds":1700,"tags":["bench"]}')
run=$(sed -E 's/.*"id":([0-9]+).*/\1/' /tmp/stride-bench-body)
first_get=$(timed "$BASE/runs/$run" "${auth[@]}")
second_get=$(timed "$BASE/runs/$run" "${auth[@]}")
echo "POST /_local/token (first request): $token_answer s"
echo "POST /users (cold start):           $create_user s"
echo "POST /users/$user/runs (cold start):     $create_run s"
echo "GET /runs/$run (cold start):           $first_get s"
echo "GET /runs/$run (warm):                 $second_get s"

echo "== wrk warm-up ($WARMUP), then the measured run ($DURATION): GET /runs/$run, 16 connections"
wrk -t2 -c16 -d"$WARMUP" -H "authorization: Bearer $token" "$BASE/runs/$run" >/dev/null
wrk -t2 -c16 -d"$DURATION" --latency -H "authorization: Bearer $token" "$BASE/runs/$run" | tee /tmp/stride-bench-wrk
echo "requests/s: $(awk '/Requests\/sec/ {print $2}' /tmp/stride-bench-wrk)  p50: $(awk '$1=="50%" {print $2}' /tmp/stride-bench-wrk)  p99: $(awk '$1=="99%" {print $2}' /tmp/stride-bench-wrk)"
if grep -q "Non-2xx" /tmp/stride-bench-wrk; then echo "some answers were not 2xx" >&2; fi

echo "== Ctrl-C"
db_port=$(sed -nE 's/^Database: .*localhost:([0-9]+).*/\1/p' "$LOG")
trap - EXIT
stopping=$(date +%s%N)
kill -INT -- "-$group"
while pgrep -g "$group" >/dev/null || { [[ -n $db_port ]] && pgrep -f "postgres.* -p $db_port " >/dev/null; }; do
  if (( ($(date +%s%N) - stopping) / 1000000000 > 30 )); then echo "still running 30 s after Ctrl-C" >&2; exit 1; fi
  sleep 0.05
done
echo "stopped in $(( ($(date +%s%N) - stopping) / 1000000 )) ms: no process of the command and no PostgreSQL (port ${db_port:-none}) left"
echo "server log: $LOG"
