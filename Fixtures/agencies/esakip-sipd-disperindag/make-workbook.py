#!/usr/bin/env python3
"""Writes cascading-disperindag.xlsx with XlsxWriter: a Dinas Perindustrian dan Perdagangan
cascading matrix in E-Sakip's SIPD style.

What the layout shows, on purpose:
  - two title rows above the header (row 4);
  - Tujuan and its indicator MERGED over every row (A5:A12, B5:B12), each Sasaran Strategis and
    its indicator merged over its own rows (C5:C9/D5:D9, C10:C12/D10:D12), KODE 1 merged (E5:E12);
  - the code split over KODE 1 (urusan.bidang) ... KODE 4 (sub kegiatan); a row's level is the
    deepest code column filled; KODE 2 and KODE 3 are left BLANK on the rows below their own;
  - row 8 has no code and no sasaran: a second indicator of the sub kegiatan above it;
  - codes written as text ("02", "0003"), two target years.

Deterministic: fixed document properties; XlsxWriter writes fixed zip timestamps.

    python3 make-workbook.py [OUTPUT]
"""

import datetime
import os
import sys

import xlsxwriter

FIXED_TIME = datetime.datetime(2025, 2, 3, 9, 0, 0)
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "cascading-disperindag.xlsx")

HEADER = ["Tujuan", "Indikator Tujuan", "Sasaran Strategis", "Indikator Sasaran",
          "KODE 1 (Urusan.Bidang)", "KODE 2 (Program)", "KODE 3 (Kegiatan)", "KODE 4 (Sub Keg.)",
          "URAIAN (Nama Program / Kegiatan / Sub Kegiatan)", "Sasaran", "Indikator", "Satuan",
          "Target 2025", "Target 2026"]

TUJUAN = ("Meningkatnya Kontribusi Sektor Industri dan Perdagangan terhadap Perekonomian Daerah",
          "Kontribusi sektor industri dan perdagangan terhadap PDRB")
SASARAN_1 = ("Meningkatnya Daya Saing Industri Kecil dan Menengah", "Pertumbuhan nilai produksi IKM")
SASARAN_2 = ("Meningkatnya Nilai Transaksi Perdagangan", "Pertumbuhan nilai transaksi perdagangan")

# Columns F.. N (KODE 2 .. Target 2026) of rows 5-12; KODE 1, Tujuan and Sasaran are merged.
ROWS = [
    ["02", None, None, "PROGRAM PENGEMBANGAN INDUSTRI", "Meningkatnya Daya Saing Industri Kecil",
     "Persentase IKM yang naik kelas", "%", "10", "12"],
    [None, "2.01", None, "Penyusunan, Penerapan dan Evaluasi Rencana Pembangunan Industri Kabupaten/Kota",
     "Meningkatnya IKM Berizin", "Jumlah IKM yang memiliki izin usaha", "Unit", "50", "60"],
    [None, None, "0003", "Fasilitasi Sertifikasi Produk Industri Kecil dan Menengah",
     "Tersertifikasinya Produk IKM", "Jumlah produk IKM bersertifikat", "Produk", "30", "35"],
    [None, None, None, None, None, "Jumlah IKM yang mengikuti bimbingan teknis", "IKM", "40", "45"],
    [None, "2.02", None, "Pembinaan Industri Kecil dan Menengah",
     "Meningkatnya Kapasitas SDM IKM", "Jumlah IKM yang dibina", "IKM", "100", "120"],
    ["07", None, None, "PROGRAM PENINGKATAN SARANA DISTRIBUSI PERDAGANGAN",
     "Meningkatnya Kelancaran Distribusi Barang", "Persentase pasar rakyat dalam kondisi baik", "%", "70", "75"],
    [None, "2.01", None, "Pembangunan dan Pengelolaan Sarana Distribusi Perdagangan",
     "Terkelolanya Pasar Rakyat", "Jumlah pasar rakyat yang dikelola", "Pasar", "5", "5"],
    [None, None, "0001", "Pembangunan Sarana Distribusi Perdagangan",
     "Terbangunnya Pasar Rakyat", "Jumlah pasar rakyat yang dibangun", "Pasar", "1", "1"],
]


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUTPUT
    workbook = xlsxwriter.Workbook(output)
    workbook.set_properties({"author": "Disperindag", "created": FIXED_TIME})
    sheet = workbook.add_worksheet("Cascading")
    title = workbook.add_format({"bold": True, "font_size": 14})
    head = workbook.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1, "text_wrap": True, "valign": "vcenter"})
    cell = workbook.add_format({"text_wrap": True, "valign": "top", "border": 1})
    sheet.write_string(0, 0, "CASCADING KINERJA DINAS PERINDUSTRIAN DAN PERDAGANGAN", title)
    sheet.write_string(1, 0, "Renstra 2025-2029", title)
    for column, name in enumerate(HEADER):
        sheet.write_string(3, column, name, head)
    sheet.set_column(0, 3, 30)
    sheet.set_column(4, 7, 10)
    sheet.set_column(8, 10, 34)
    sheet.set_column(11, 13, 10)
    first, last = 4, 4 + len(ROWS) - 1   # 0-based rows of Excel rows 5 .. 12
    sheet.merge_range(first, 0, last, 0, TUJUAN[0], cell)
    sheet.merge_range(first, 1, last, 1, TUJUAN[1], cell)
    sheet.merge_range(first, 2, first + 4, 2, SASARAN_1[0], cell)
    sheet.merge_range(first, 3, first + 4, 3, SASARAN_1[1], cell)
    sheet.merge_range(first + 5, 2, last, 2, SASARAN_2[0], cell)
    sheet.merge_range(first + 5, 3, last, 3, SASARAN_2[1], cell)
    sheet.merge_range(first, 4, last, 4, "3.31", cell)
    for offset, values in enumerate(ROWS):
        for index, value in enumerate(values):
            if value is None:
                sheet.write_blank(first + offset, 5 + index, None, cell)
            else:
                sheet.write_string(first + offset, 5 + index, value, cell)
    workbook.close()
    print(output)


if __name__ == "__main__":
    main()
