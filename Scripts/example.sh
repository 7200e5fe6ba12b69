#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds pokin, and runs it on the bundled example: the
# worksheets of one real agency (Fixtures/agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx,
# Tahap 1-5 with every inconsistency they came with) are read into the canonical model,
# out/dkukmpp.json, and pokin says which layout it recognised and what it had to repair.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --static-swift-stdlib --product pokin
pokin=".build/release/pokin"
example="Fixtures/agencies/dkukmpp-seed"
mkdir -p out
"$pokin" convert "$example/pohon-kinerja-dkukmpp.xlsx" out/dkukmpp.json
echo
echo "Wrote out/dkukmpp.json. What pokin repaired or found on the way (from the model's diagnostics):"
python3 - <<'PY' 2>/dev/null || grep -c '"code"' out/dkukmpp.json
import json
model = json.load(open("out/dkukmpp.json"))
for d in model["diagnostics"]:
    if d["severity"] != "info":
        print(f'  {d["severity"]:7} {d["code"]:15} {d["at"]}')
print(f'{len(model["nodes"])} nodes; agency {model["agency"]["shortName"]}')
PY
"$pokin" convert out/dkukmpp.json out/dkukmpp-templat.xlsx
echo "Wrote the standard template out/dkukmpp-templat.xlsx."
# pokin check exits 1 when it finds errors, as it does for the example; 2 or 3 is a real failure.
status=0
"$pokin" check "$example/pohon-kinerja-dkukmpp.xlsx" > out/temuan.txt || status=$?
[ "$status" -le 1 ] || exit "$status"
echo "Wrote the cross-stage findings to out/temuan.txt ($(grep -c . out/temuan.txt) lines)."
"$pokin" render out/dkukmpp.json out/pohon.svg
echo "Drew the pohon kinerja: out/pohon.svg."
