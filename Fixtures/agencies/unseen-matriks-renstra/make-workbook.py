#!/usr/bin/env python3
"""Writes matriks-renstra-dinsos.xlsx with openpyxl: a Dinas Sosial "matriks" in a layout no
built-in mapping describes and no test had seen when it was made. Its headers come from the
synonym tables of research/domain.md (b): Tujuan, Indikator Tujuan, Sasaran Strategis,
Indikator Sasaran, Sasaran Program, Program, Indikator Program, Satuan, Target 2025/2026.

It is imported only through `pokin mapping infer` (a drafted mapping) and then
`pokin convert --mapping <draft>`; expected.json is the tree it must give.

What the layout shows: a title block, a sheet name that says nothing of its role, Tujuan
merged over all rows, Sasaran Strategis written once and left blank below, two indicators in
one cell (one per line) with one target line each, targets as text ("72,5").

Deterministic: fixed document properties and zip timestamps.

    python3 make-workbook.py [OUTPUT]
"""

import datetime
import os
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from fixed_zip import normalise_zip  # noqa: E402  (Fixtures/agencies/fixed_zip.py)


FIXED_TIME = datetime.datetime(2025, 2, 3, 9, 0, 0)
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "matriks-renstra-dinsos.xlsx")

HEADER = ["Tujuan", "Indikator Tujuan", "Sasaran Strategis", "Indikator Sasaran", "Sasaran Program", "Program",
          "Indikator Program", "Satuan", "Target 2025", "Target 2026"]
ROWS = [
    ["Meningkatnya Kesejahteraan Sosial Masyarakat", "Indeks Pembangunan Manusia",
     "Menurunnya Jumlah Penyandang Masalah Kesejahteraan Sosial", "Persentase PMKS yang tertangani",
     "Meningkatnya Perlindungan Sosial bagi Korban Bencana", "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL",
     "Persentase korban bencana yang terlayani\nJumlah lumbung sosial", "%\nUnit", "100\n4", "100\n5"],
    [None, None, None, None,
     "Meningkatnya Rehabilitasi Sosial", "PROGRAM REHABILITASI SOSIAL",
     "Persentase PPKS yang direhabilitasi", "%", "72,5", "75"],
    [None, None,
     "Meningkatnya Pemberdayaan Fakir Miskin", "Persentase keluarga miskin yang diberdayakan",
     "Meningkatnya Kemandirian Keluarga Miskin", "PROGRAM PEMBERDAYAAN SOSIAL",
     "Jumlah keluarga miskin penerima usaha ekonomi produktif", "KK", "150", "175"],
]


def build():
    wb = Workbook()
    ws = wb.active
    ws.title = "Matriks 2025-2029"
    ws["A1"] = "MATRIKS RENCANA KINERJA DINAS SOSIAL"
    ws["A1"].font = Font(size=14, bold=True)
    ws["A2"] = "Periode 2025-2029"
    for column, text in enumerate(HEADER, start=1):
        ws.cell(row=4, column=column, value=text).font = Font(bold=True)
    for offset, values in enumerate(ROWS):
        for column, value in enumerate(values, start=1):
            cell = ws.cell(row=5 + offset, column=column, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A5:A7")
    ws.merge_cells("B5:B7")
    for letter in "ACEF":
        ws.column_dimensions[letter].width = 36
    props = wb.properties
    props.creator = "Dinas Sosial"
    props.lastModifiedBy = "Dinas Sosial"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    return wb


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUTPUT
    build().save(output)
    normalise_zip(output, FIXED_TIME)
    print(output)


if __name__ == "__main__":
    main()
