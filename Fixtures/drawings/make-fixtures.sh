#!/bin/sh
# Makes the drawing fixtures from the seed's golden model:
#   pohon-seed-pokin.xlsx        pokin's own "Pohon Kinerja" sheet (shapes and bound connectors)
#   pohon-seed-libreoffice.xlsx  the same workbook opened and saved again by LibreOffice headless
#                                (LibreOffice 7.4 writes its own drawing: other coordinates,
#                                shape ids all 0, connectors no longer bound to the shapes)
# Run from the repository root after building pokin: sh Fixtures/drawings/make-fixtures.sh [path/to/pokin]
set -e
POKIN=${1:-.build/debug/pokin}
OUT=Fixtures/drawings
"$POKIN" render Fixtures/agencies/dkukmpp-seed/expected.json "$OUT/pohon-seed-pokin.xlsx"
WORK=$(mktemp -d)
cp "$OUT/pohon-seed-pokin.xlsx" "$WORK/pohon-seed-libreoffice.xlsx"
soffice --headless --norestore "-env:UserInstallation=file://$WORK/profile" \
    --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$WORK/out" "$WORK/pohon-seed-libreoffice.xlsx"
cp "$WORK/out/pohon-seed-libreoffice.xlsx" "$OUT/pohon-seed-libreoffice.xlsx"
rm -rf "$WORK"
