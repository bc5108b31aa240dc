#!/usr/bin/env bash
# Load on the web API with wrk (Debian package `wrk`): starts `serve` on 127.0.0.1 with a fresh embedded
# H2 store in a temporary folder, warms it up, then runs wrk with CONNECTIONS connections for SECONDS and
# prints requests a second and latency percentiles. Every request is a new message (scripts/load.lua).
#   scripts/load.sh [SECONDS=30] [CONNECTIONS=4]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
connections="${2:-4}"
port="${SPORTELLO_LOAD_PORT:-18090}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[[ -f target/sportello.jar ]] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }

data="$(mktemp -d)"
java -jar target/sportello.jar serve --port "$port" --data "$data" --messages-per-minute 100000000 \
  > "$data/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null; wait $serve 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { cat "$data/serve.log" >&2; exit 1; }

echo "warm-up: 20 s, $connections connections"
wrk -t1 -c"$connections" -d20s -s scripts/load.lua "http://127.0.0.1:$port" -- scripts/load-questions.txt >/dev/null
echo "timed: $seconds s, $connections connections, $(nproc) cores, store H2 in $data"
wrk -t1 -c"$connections" -d"${seconds}s" -s scripts/load.lua "http://127.0.0.1:$port" -- scripts/load-questions.txt
