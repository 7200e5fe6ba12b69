#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds pokin, and runs it on the bundled example:
# the seed agency's golden model (Fixtures/agencies/dkukmpp-seed) is validated and written
# out again as canonical JSON in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product pokin
pokin=".build/release/pokin"
example="Fixtures/agencies/dkukmpp-seed"
mkdir -p out
"$pokin" convert "$example/expected.json" out/dkukmpp.json
echo "pokin: wrote out/dkukmpp.json from $example/expected.json"
