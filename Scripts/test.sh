#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for the tests, builds pokin and runs every test.
# Fails (non-zero) when a test fails or a needed tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh --tests
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
swift build --build-tests
swift test --skip-build

# Fuzzing (Fuzz/README.md): in CI (CI=true, as .ci/run sets) or when POKIN_FUZZ_SECONDS is set,
# each libFuzzer target runs for POKIN_FUZZ_SECONDS (default 60) after the tests, two at a time
# (one per core) and with a fixed libFuzzer seed so a run can be replayed. A crash, timeout,
# leak or out-of-memory fails the run (the input is kept in Fuzz/findings/TARGET/). On a
# user's machine without either variable, the tests end here.
if [ "${CI:-}" = true ] || [ -n "${POKIN_FUZZ_SECONDS:-}" ]; then
    seconds=${POKIN_FUZZ_SECONDS:-60}
    bash Scripts/fuzz.sh --build
    failed=0
    targets=($(bash Scripts/fuzz.sh --list))
    for ((i = 0; i < ${#targets[@]}; i += 2)); do
        pids=()
        for target in "${targets[@]:i:2}"; do
            bash Scripts/fuzz.sh "$target" "$seconds" -seed=20261130 > ".build-fuzz-lf/ci-$target.log" 2>&1 &
            pids+=($!)
        done
        for index in "${!pids[@]}"; do
            target=${targets[$((i + index))]}
            if wait "${pids[$index]}"; then
                echo "fuzz $target: ${seconds} s, no finding"
            else
                echo "fuzz $target: FAILED (log below)"; tail -n 40 ".build-fuzz-lf/ci-$target.log"; failed=1
            fi
        done
    done
    exit $failed
fi
