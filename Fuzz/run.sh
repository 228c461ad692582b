#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader GraphGen has, with libFuzzer and AddressSanitizer.
#
#   Fuzz/run.sh [SECONDS] [KIND…]      SECONDS per kind (default 60); kinds: markdown text schema config json csdl stub
#
# Builds graphgen-fuzz with libFuzzer's coverage and AddressSanitizer into .build-fuzz/, seeds each kind's corpus from the
# project's own pages, schemas, configs and fixtures, and runs each kind for SECONDS. An input that crashes,
# times out (10 s) or needs more than 2 GiB is written to Tests/GraphGenKitTests/Fixtures/fuzz/KIND/, where
# the ordinary test suite replays it (FuzzRegressionTests); the script then exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
kinds=("$@")
[ ${#kinds[@]} -eq 0 ] && kinds=(markdown text schema config json csdl stub)
scratch=.build-fuzz
# libFuzzer's coverage instrumentation, linked without libFuzzer's own main: SwiftPM names the executable's
# entry point, and the harness starts libFuzzer's driver from it.
fuzzer_lib=$(ls "$(dirname "$(dirname "$(command -v swift)")")"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -1)
flags=(-c release --scratch-path "$scratch" -Xswiftc -DFUZZING -Xswiftc -sanitize=address
       -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xswiftc -parse-as-library -Xlinker "$fuzzer_lib" -Xlinker -lstdc++)
swift build --product graphgen-fuzz "${flags[@]}"
binary="$(swift build "${flags[@]}" --show-bin-path)/graphgen-fuzz"

seed() {
    local kind=$1 folder=$scratch/seeds/$1
    rm -rf "$folder"
    mkdir -p "$folder"
    case $kind in
        markdown) find schemas Tests/GraphGenKitTests/Fixtures Examples -name '*.md' -not -name README.md -exec cp {} "$folder" \; ;;
        text) cp schemas/intune-apps/pages/*.txt "$folder" ;;
        schema) find schemas Tests/GraphGenKitTests/Fixtures Examples -name '*.yaml' -not -name graphgen.yaml -exec cp --backup=numbered {} "$folder" \; ;;
        config) find . -path ./.build -prune -o -path "./$scratch" -prune -o -name graphgen.yaml -print | while read -r file; do cp --backup=numbered "$file" "$folder"; done ;;
        json) find schemas/formats Tests/GraphGenKitTests/Fixtures -name '*.json' -exec cp --backup=numbered {} "$folder" \; ;;
        csdl) cp Tests/GraphGenKitTests/Fixtures/csdl/*.xml "$folder" ;;
        stub) ;;  # requests to the stub: the regression inputs below are the seeds
    esac
    local regressions=Tests/GraphGenKitTests/Fixtures/fuzz/$kind
    [ -d "$regressions" ] && cp "$regressions"/* "$folder" 2>/dev/null || true
}

status=0
for kind in "${kinds[@]}"; do
    seed "$kind"
    corpus=$scratch/corpus/$kind
    findings=Tests/GraphGenKitTests/Fixtures/fuzz/$kind
    mkdir -p "$corpus" "$findings"
    echo "== $kind: $seconds s"
    GRAPHGEN_FUZZ_KIND=$kind ASAN_OPTIONS=detect_leaks=0 "$binary" "$corpus" "$scratch/seeds/$kind" \
        -dict="Fuzz/dictionaries/$kind.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$findings/" -print_final_stats=1 -close_fd_mask=3 2>&1 \
        | grep -E '^(#[0-9]+[[:space:]]+(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' || true
    if ls "$findings" | grep -qE '^(crash|timeout|oom|leak)-'; then
        echo "== $kind: findings written to $findings"
        status=1
    fi
done
exit $status
