#!/usr/bin/env bash
# The runtime under faults: a generated client against graphgen-stub, nothing lost.
#
#   Examples/GraphLoad/run.sh [OPERATIONS] [FAIL_RATE] [UPLOAD_BYTES] [TRANSPORT]
#       defaults 10000, 0.3, 52428800 and urlsession (or asynchttpclient)
#
# Builds graphgen and graphgen-stub, generates the client from schema.yaml into Client/, starts the stub on a free
# port with faults (429 and 503 with Retry-After in seconds or as a date, 504, and 5% redirects) and a token
# endpoint, runs the driver and stops the stub. The last line is the driver's JSON summary; the exit status is 0 only
# when nothing was lost, no retry came before its Retry-After and no request was sent again after a success.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
operations=${1:-10000}
fail_rate=${2:-0.3}
upload_bytes=${3:-52428800}
transport=${4:-urlsession}

swift build --package-path "$root" --product graphgen >&2
swift build --package-path "$root" --product graphgen-stub >&2
bin="$(swift build --package-path "$root" --show-bin-path)"
(cd "$here" && "$bin/graphgen" generate >&2)
swift build --package-path "$here" >&2

log="$(mktemp)"
"$bin/graphgen-stub" --schema "$here/schema.yaml" --port 0 --seed none --fail-rate "$fail_rate" \
    --fail-status 429 --fail-status 503 --fail-status 504 --redirect-rate 0.05 --random-seed 7 \
    --client-id graph-load --client-secret load-secret --token-lifetime 330 --max-body-bytes 4194304 > "$log" 2>&1 &
stub=$!
trap 'kill $stub 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
    grep -q "listening on" "$log" && break
    kill -0 $stub 2>/dev/null || { cat "$log" >&2; exit 2; }
    sleep 0.1
done
base="$(grep -o 'http://[^ ]*' "$log" | head -1)"
origin="${base%/v1.0}"
"$(swift build --package-path "$here" --show-bin-path)/GraphLoad" "$base" "$origin/load-tenant/oauth2/v2.0/token" "$operations" "$upload_bytes" "$transport"
