#!/usr/bin/env bash
# Load on graphgen-stub (release) with wrk over loopback: GET of one stored entity, then POST creates.
#
#   Benchmarks/stub-load.sh [SECONDS] [CONNECTIONS]     defaults: 30 s, 64 connections (needs wrk: apt-get install wrk)
#
# Prints wrk's throughput and latency distribution for each case and the stub's resident memory before and after
# each run, so growth beyond the stored entities shows.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-64}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
swift build -c release --product graphgen-stub >/dev/null
binary="$(swift build -c release --show-bin-path)/graphgen-stub"
work=$(mktemp -d)
"$binary" --port 0 --seed none > "$work/out" 2>&1 &
stub=$!
trap 'kill $stub 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q listening "$work/out" && break; sleep 0.1; done
base=$(grep -o 'http://[^ ]*' "$work/out")
collection="$base/deviceAppManagement/mobileApps/app1/deviceStatuses"
id=$(curl -s -H 'Authorization: Bearer t' -d '{"deviceName": "pc", "installState": "installed"}' "$collection" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
rss() { echo "$(( $(ps -o rss= -p "$stub") / 1024 )) MiB"; }

echo "== GET one entity: $connections connections, $seconds s (stub RSS before: $(rss))"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H 'Authorization: Bearer t' "$collection/$id"
echo "stub RSS after: $(rss)"
echo "== GET again, same length (RSS must stay flat: nothing is stored by a GET)"
wrk -t2 -c"$connections" -d"${seconds}s" -H 'Authorization: Bearer t' "$collection/$id" | grep -E 'Requests/sec|requests in'
echo "stub RSS after: $(rss)"

cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"deviceName": "pc", "installState": "installed", "errorCode": 0}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer t"
LUA
echo "== POST creates: $connections connections, $seconds s"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$collection"
echo "stub RSS after: $(rss) (holds every created entity)"
