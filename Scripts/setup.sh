#!/usr/bin/env bash
# Installs what pokin needs on a fresh Debian 12 machine (run as root).
#   Scripts/setup.sh            libzip, libxml2 and pkg-config: enough to build and run pokin
#   Scripts/setup.sh --tests    also the Python packages, LibreOffice and poppler that the tests use
#   (the differential tests write workbooks with xlsxwriter; the benchmarks also need fastexcel and
#   pandas: pip install them to run Benchmarks/)
set -euo pipefail

want_tests=0
[ "${1:-}" = "--tests" ] && want_tests=1

fail() { echo "setup: $*" >&2; exit 1; }

if ! command -v swift >/dev/null 2>&1; then
  [ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
fi
command -v swift >/dev/null 2>&1 || fail "the Swift toolchain (swift 6.x) is not on PATH; install it from swift.org first"

apt_packages=(libzip-dev libxml2-dev pkg-config)
[ $want_tests = 1 ] && apt_packages+=(libreoffice-calc-nogui poppler-utils)

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
pkg-config --exists libzip || fail "libzip is not found by pkg-config after installing libzip-dev"
pkg-config --exists libxml-2.0 || fail "libxml2 is not found by pkg-config after installing libxml2-dev"

if [ $want_tests = 1 ]; then
  command -v python3 >/dev/null 2>&1 || fail "python3 is missing"
  python3 -m pip install --quiet --disable-pip-version-check \
    "jsonschema==4.26.0" "openpyxl==3.1.5" "python-calamine==0.9.1" "xlsxwriter==3.3.1" \
    || fail "pip could not install the Python packages the tests use"
  python3 -c "import jsonschema, openpyxl, python_calamine, xlsxwriter" || fail "a Python test package does not import"
  command -v soffice >/dev/null 2>&1 || fail "LibreOffice (soffice) is missing after installing libreoffice-calc-nogui"
fi
echo "setup: ready" >&2
