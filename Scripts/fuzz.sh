#!/usr/bin/env bash
# Runs one libFuzzer target of Fuzz/ for a given time, building it first if needed.
#
#   Scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#   Scripts/fuzz.sh --list                 # the targets
#   Scripts/fuzz.sh --build                # build every target, run none
#
# TARGET: xlsx sheet-xml sheet-xml-events shared-strings zip csv mapping convert (see Fuzz/README.md).
# The working corpus lives in .build-fuzz-lf/corpus/TARGET (never committed); it is seeded
# from the committed Fuzz/seeds/TARGET, Fixtures/fuzz-regressions/TARGET, the project's
# Fixtures/ and, when present, ../shared/corpus/peers. A crash, timeout, leak or
# out-of-memory is kept under Fuzz/findings/TARGET/ and the script exits non-zero.
# Extra options go to libFuzzer (e.g. -fork=1 -ignore_crashes=1 to keep going after one).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"

TARGETS=(xlsx sheet-xml sheet-xml-events shared-strings zip csv mapping convert)
SCRATCH=${POKIN_FUZZ_SCRATCH:-.build-fuzz-lf}
BIN_DIR="$SCRATCH/debug"

usage() { echo "usage: Scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]  (targets: ${TARGETS[*]})" >&2; exit 2; }

build() {
    # A package of its own (Fuzz/Package.swift) so the main build never links libFuzzer.
    # SwiftPM's --sanitize=fuzzer keeps libFuzzer's main; the explicit -sanitize=fuzzer,address
    # is what turns on coverage instrumentation in swiftc (the driver keeps only the last
    # -sanitize= it is given).
    [ -f Fuzz/Package.resolved ] || { [ -f Package.resolved ] && cp Package.resolved Fuzz/Package.resolved; } || true
    local product
    for product in "$@"; do
        local status=0
        mkdir -p "$SCRATCH"
        swift build --package-path Fuzz --scratch-path "$SCRATCH" -c debug \
            --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
            --product "fuzz-$product" >"$SCRATCH/build.log" 2>&1 || status=$?
        # The linker warns about every ASan symbol it cannot export; show the rest.
        grep -v "Cannot export local symbol" "$SCRATCH/build.log" | grep -v '^\[' >&2 || true
        if [ "$status" -ne 0 ] || [ ! -x "$BIN_DIR/fuzz-$product" ]; then
            echo "fuzz.sh: building fuzz-$product failed" >&2
            exit 1
        fi
    done
}

case "${1:-}" in
    --list) printf '%s\n' "${TARGETS[@]}"; exit 0 ;;
    --build) build "${TARGETS[@]}"; exit 0 ;;
    "") usage ;;
esac
TARGET=$1
SECONDS_TO_RUN=${2:-}
[ -n "$SECONDS_TO_RUN" ] || usage
shift 2
printf '%s\n' "${TARGETS[@]}" | grep -qx -- "$TARGET" || usage

# Input size, per-input time limit (seconds) and dictionary per target.
case "$TARGET" in
    xlsx|zip)        MAX_LEN=131072; TIMEOUT=10; DICT=ooxml ;;
    convert)         MAX_LEN=131072; TIMEOUT=30; DICT=ooxml ;;
    sheet-xml|sheet-xml-events) MAX_LEN=65536; TIMEOUT=10; DICT=sheet ;;
    shared-strings)  MAX_LEN=65536;  TIMEOUT=10; DICT=sheet ;;
    csv)             MAX_LEN=16384;  TIMEOUT=10; DICT=csv ;;
    mapping)         MAX_LEN=16384;  TIMEOUT=10; DICT=yaml ;;
esac

build "$TARGET"

CORPUS="$SCRATCH/corpus/$TARGET"
SEEDS="$SCRATCH/seeds/$TARGET"
FINDINGS="Fuzz/findings/$TARGET"
mkdir -p "$CORPUS" "$FINDINGS" "$SCRATCH/logs"
rm -rf "$SEEDS" && mkdir -p "$SEEDS"
python3 Scripts/fuzz_seeds.py "$TARGET" "$SEEDS" "$MAX_LEN"

LOG="$SCRATCH/logs/$TARGET-$(date +%Y%m%d-%H%M%S).log"
# Findings are crash-, timeout-, leak- and oom- files; slow-unit- files (an input that once
# took long on a busy machine) are kept but are not findings.
count_findings() { find "$FINDINGS" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' -o -name 'oom-*' \) | wc -l; }
BEFORE=$(count_findings)
echo "fuzz.sh: $TARGET for ${SECONDS_TO_RUN}s (max_len $MAX_LEN, timeout ${TIMEOUT}s, rss 2048 MB); log $LOG" >&2
set +e
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}" \
LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0}" \
nice -n 10 "$BIN_DIR/fuzz-$TARGET" \
    -max_total_time="$SECONDS_TO_RUN" -max_len="$MAX_LEN" -timeout="$TIMEOUT" -rss_limit_mb=2048 \
    -malloc_limit_mb=2048 -dict="Fuzz/dictionaries/$DICT.dict" -artifact_prefix="$FINDINGS/" \
    -print_final_stats=1 "$@" "$CORPUS" "$SEEDS" >"$LOG" 2>&1 </dev/null
STATUS=$?
set -e
grep -E "^#[0-9]+ +(INITED|DONE)|^stat::|^==[0-9]+==ERROR|^SUMMARY|Test unit written|^Done" "$LOG" >&2 || true
AFTER=$(count_findings)
if [ "$STATUS" -ne 0 ] || [ "$AFTER" -gt "$BEFORE" ]; then
    echo "fuzz.sh: $TARGET found a problem (exit $STATUS); inputs in $FINDINGS/, log $LOG" >&2
    exit 1
fi
echo "fuzz.sh: $TARGET ran ${SECONDS_TO_RUN}s with no finding" >&2
