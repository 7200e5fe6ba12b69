#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for the tests, builds pokin and runs every test.
# Fails (non-zero) when a test fails or a needed tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh --tests
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
swift build --build-tests
swift test --skip-build

# Fuzzing (Fuzz/README.md): each libFuzzer target for 60 seconds after the tests; a crash,
# timeout, leak or out-of-memory fails the run (the input is kept in Fuzz/findings/TARGET/).
for target in $(bash Scripts/fuzz.sh --list); do
    bash Scripts/fuzz.sh "$target" 60
done
