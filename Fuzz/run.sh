#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader GraphGen has, with libFuzzer and AddressSanitizer.
#
#   Fuzz/run.sh [SECONDS] [KIND…]      SECONDS per kind (default 60); kinds: markdown text schema config json csdl stub
#   FUZZ_RUNS=N Fuzz/run.sh …          also stop each kind after N executions
#
# Builds graphgen-fuzz with libFuzzer's coverage and AddressSanitizer into .build-fuzz/ and runs each kind for
# SECONDS, starting from its kept corpus (Fuzz/corpus/KIND) and seeds: the project's own tracked files of that
# kind and the regression inputs. Afterwards the corpus is minimized (libFuzzer's merge) back into
# Fuzz/corpus/KIND, so the next campaign starts where this one ended; commit it. Seeds are the project's own
# files only (never the third-party seed pages), so the kept corpus holds nothing derived from them.
# An input that crashes, times out (10 s) or needs more than 2 GiB is written to
# Tests/GraphGenKitTests/Fixtures/fuzz/KIND/, where the ordinary test suite replays it (FuzzRegressionTests);
# the script then exits non-zero.
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
    local pattern
    case $kind in
        markdown) pattern='(Tests/GraphGenKitTests/Fixtures|Examples)/.*\.md$' ;;
        text) pattern='Tests/GraphGenKitTests/Fixtures/.*\.txt$' ;;
        schema) pattern='(Tests/GraphGenKitTests/Fixtures|Examples|schemas)/.*\.yaml$' ;;
        config) pattern='(^|/)graphgen\.yaml$' ;;
        json) pattern='(Tests/GraphGenKitTests/Fixtures|schemas/formats)/.*\.json$' ;;
        csdl) pattern='Tests/GraphGenKitTests/Fixtures/csdl/.*\.xml$' ;;
        stub) pattern='^$' ;;  # requests to the stub: the regression inputs below are the seeds
    esac
    git ls-files | grep -E "$pattern" | grep -v -E '(README|LICENSE|NOTICE)|Fixtures/fuzz/' | while read -r file; do
        cp "$file" "$folder/$(echo "$file" | tr '/' '_')"
    done || true
    local regressions=Tests/GraphGenKitTests/Fixtures/fuzz/$kind
    [ -d "$regressions" ] && cp "$regressions"/* "$folder" 2>/dev/null || true
}

status=0
for kind in "${kinds[@]}"; do
    seed "$kind"
    kept=Fuzz/corpus/$kind
    corpus=$scratch/corpus/$kind
    findings=Tests/GraphGenKitTests/Fixtures/fuzz/$kind
    rm -rf "$corpus"
    mkdir -p "$kept" "$corpus" "$findings"
    cp "$kept"/. "$corpus" -r
    # Whole pages (and large request bodies) make an input slow to read; 8 KB holds every construct a page or a
    # request has, and keeps these kinds above 1,000 executions a second.
    max_len=65536
    case $kind in markdown|text|stub) max_len=8192 ;; esac
    runs=()
    [ -n "${FUZZ_RUNS:-}" ] && runs=(-runs="$FUZZ_RUNS")
    echo "== $kind: $seconds s${FUZZ_RUNS:+ or $FUZZ_RUNS executions}"
    GRAPHGEN_FUZZ_KIND=$kind ASAN_OPTIONS=detect_leaks=0 "$binary" "$corpus" "$scratch/seeds/$kind" \
        -dict="Fuzz/dictionaries/$kind.dict" -max_total_time="$seconds" "${runs[@]}" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$max_len" -artifact_prefix="$findings/" -print_final_stats=1 -close_fd_mask=3 2>&1 \
        | grep -E '^(#[0-9]+[[:space:]]+(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' || true
    if ls "$findings" | grep -qE '^(crash|timeout|oom|leak)-'; then
        echo "== $kind: findings written to $findings"
        status=1
        continue
    fi
    # Minimize what this campaign found together with what was kept into the kept corpus.
    merged=$scratch/merged/$kind
    rm -rf "$merged"
    mkdir -p "$merged"
    GRAPHGEN_FUZZ_KIND=$kind ASAN_OPTIONS=detect_leaks=0 "$binary" -merge=1 -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -close_fd_mask=3 "$merged" "$corpus" 2>&1 | grep -E '^MERGE-OUTER: [0-9]+ new files' || true
    rm -rf "$kept"
    mv "$merged" "$kept"
    echo "== $kind: kept corpus $(ls "$kept" | wc -l) inputs, $(du -sk "$kept" | cut -f1) KB"
done
exit $status
