#!/usr/bin/env python3
"""Writes pohon-kinerja-wp-eval-sakip.xlsx with openpyxl: a Dinas Kesehatan pohon kinerja in
WP-Eval-SAKIP's wide layout (Level 1 | Indikator Kinerja | ... | Level 5 | Indikator Kinerja).

What the layout shows, on purpose:
  - title rows above the header (row 5);
  - Level 1 and its indicator MERGED over every row (A6:A10, B6:B10);
  - rows 7-8 leave the parents BLANK (filled down), rows 9-10 REPEAT them;
  - row 8 is a path that stops at Level 3;
  - B6 holds two indicators on two lines, H6 two numbered "1. ... 2. ...";
  - row 10 repeats the whole path of row 9 to give Level 5 a second indicator;
  - a "Sumber:" note under the table (the mapping stops there).

Deterministic: fixed document properties and zip timestamps.

    python3 make-workbook.py [OUTPUT]
"""

import datetime
import os
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from fixed_zip import normalise_zip  # noqa: E402  (Fixtures/agencies/fixed_zip.py)


FIXED_TIME = datetime.datetime(2025, 2, 3, 9, 0, 0)
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "pohon-kinerja-wp-eval-sakip.xlsx")

L1 = "Meningkatnya Derajat Kesehatan Masyarakat"
L2A = "Meningkatnya Mutu Pelayanan Kesehatan"
L2B = "Menurunnya Angka Kesakitan"
L3A = "Meningkatnya Akreditasi Fasilitas Kesehatan"
L3B = "Meningkatnya Ketersediaan Obat Esensial"
L3C = "Meningkatnya Cakupan Imunisasi"
L4A = "Terpenuhinya Standar Pelayanan Puskesmas"
L4B = "Terlaksananya Pelayanan Imunisasi"
L5A = "Tersedianya Sarana Prasarana Puskesmas"
L5B = "Terlaksananya Pelatihan Tenaga Kesehatan"
L5C = "Terdistribusinya Vaksin ke Puskesmas"

HEADER = ["Level 1", "Indikator Kinerja", "Level 2", "Indikator Kinerja", "Level 3", "Indikator Kinerja",
          "Level 4", "Indikator Kinerja", "Level 5", "Indikator Kinerja"]

# Rows 6-10 (None = empty cell).
ROWS = [
    [L1, "Angka Harapan Hidup\nIndeks Keluarga Sehat",
     L2A, "Indeks Kepuasan Masyarakat",
     L3A, "Persentase Puskesmas Terakreditasi Paripurna",
     L4A, "1. Persentase Puskesmas sesuai standar 2. Jumlah dokumen standar pelayanan",
     L5A, "Jumlah Puskesmas dengan sarana lengkap"],
    [None, None, None, None, None, None, None, None,
     L5B, "Jumlah tenaga kesehatan terlatih"],
    [None, None, None, None,
     L3B, "Persentase ketersediaan obat esensial",
     None, None, None, None],
    [None, None,
     L2B, "Prevalensi Stunting",
     L3C, "Cakupan Imunisasi Dasar Lengkap",
     L4B, "Persentase desa UCI",
     L5C, "Jumlah vaksin terdistribusi"],
    [None, None,
     L2B, "Prevalensi Stunting",
     L3C, "Cakupan Imunisasi Dasar Lengkap",
     L4B, "Persentase desa UCI",
     L5C, "Persentase Puskesmas dengan cold chain baik"],
]

THIN = Side(style="thin", color="FF000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_FILL = PatternFill(fill_type="solid", start_color="FFE2EFDA", end_color="FFE2EFDA")


def build():
    wb = Workbook()
    ws = wb.active
    ws.title = "Pohon Kinerja"
    ws["A1"] = "POHON KINERJA PERANGKAT DAERAH"
    ws["A1"].font = Font(size=14, bold=True)
    ws["A2"] = "Dinas Kesehatan Kabupaten Contoh"
    ws["A3"] = "Tahun 2025"
    for column, text in enumerate(HEADER, start=1):
        cell = ws.cell(row=5, column=column, value=text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BOX
    for offset, values in enumerate(ROWS):
        for column, value in enumerate(values, start=1):
            cell = ws.cell(row=6 + offset, column=column, value=value)
            cell.alignment = WRAP
            cell.border = BOX
    ws.merge_cells("A6:A10")
    ws.merge_cells("B6:B10")
    ws["A12"] = "Sumber: WP-Eval-SAKIP, menu Pohon Kinerja OPD"
    for letter in "ACEGI":
        ws.column_dimensions[letter].width = 34
    for letter in "BDFHJ":
        ws.column_dimensions[letter].width = 30
    props = wb.properties
    props.creator = "Dinas Kesehatan"
    props.lastModifiedBy = "Dinas Kesehatan"
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
