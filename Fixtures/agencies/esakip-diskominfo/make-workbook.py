#!/usr/bin/env python3
"""Writes pohon-kinerja-diskominfo.xlsx with XlsxWriter: a Dinas Komunikasi dan Informatika
pohon kinerja in e-SAKIP Diskominfo's 23-column upload layout (header on row 1).

What the layout shows, on purpose:
  - the exact 23 column names of the upload (ultimate ... target_satuan_sub_kegiatan_output);
  - parents written once and left BLANK on the rows below (the upload fills them down);
  - target and unit in one cell: "3,5 indeks", "85 %", "100%", "120 rilis", "12 dokumen",
    "Rp 1.500.000", and a target without a unit ("Baik");
  - SIPD nomenclature codes as text (2.16.02, 2.16.02.2.01, 2.16.02.2.01.0002).

Deterministic: fixed document properties; XlsxWriter writes fixed zip timestamps.

    python3 make-workbook.py [OUTPUT]
"""

import datetime
import os
import sys

import xlsxwriter

FIXED_TIME = datetime.datetime(2025, 2, 3, 9, 0, 0)
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "pohon-kinerja-diskominfo.xlsx")

HEADER = [
    "ultimate", "tujuan_ultimate", "indikator_ultimate", "target_satuan_ultimate",
    "intermediate", "sasaran", "indikator_sasaran", "target_satuan_intermediate",
    "immediate", "program_immediate", "nomenklatur_sipd_immediate", "indikator_immediate", "target_satuan_immediate",
    "output", "kegiatan_output", "nomenklatur_sipd_output", "indikator_output", "target_satuan_output",
    "input_output", "sub_kegiatan_output", "nomenklatur_sipd_sub_kegiatan_output", "indikator_sub_kegiatan_output",
    "target_satuan_sub_kegiatan_output",
]

ULTIMATE = ["Meningkatnya Kualitas Tata Kelola Pemerintahan Berbasis Elektronik", "Tujuan 1", "Indeks SPBE", "3,5 indeks"]
INTERMEDIATE = ["Meningkatnya Layanan Informasi Publik", "Sasaran 1", "Indeks Keterbukaan Informasi Publik", "85 %"]
IMMEDIATE_1 = ["Meningkatnya Penyebaran Informasi Publik", "PROGRAM INFORMASI DAN KOMUNIKASI PUBLIK", "2.16.02",
               "Persentase informasi publik yang tersebar", "90 %"]
OUTPUT_1 = ["Terselenggaranya Layanan Hubungan Media",
            "Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kabupaten/Kota", "2.16.02.2.01",
            "Jumlah rilis berita", "120 rilis"]
INPUT_1 = ["Tersedianya Konten Informasi Publik", "Pengelolaan Konten dan Perencanaan Media Komunikasi Publik",
           "2.16.02.2.01.0002", "Jumlah konten informasi publik", "12 dokumen"]
INPUT_2 = ["Terjalinnya Kemitraan dengan Media", "Layanan Hubungan Masyarakat dan Media",
           "2.16.02.2.01.0004", "Nilai kerja sama media", "Rp 1.500.000"]
IMMEDIATE_2 = ["Meningkatnya Kapasitas Infrastruktur TIK", "PROGRAM APLIKASI INFORMATIKA", "2.16.03",
               "Persentase OPD terhubung jaringan intra pemerintah", "100%"]
OUTPUT_2 = ["Tersedianya Jaringan Intra Pemerintah",
            "Pengelolaan e-Government di Lingkup Pemerintah Daerah Kabupaten/Kota", "2.16.03.2.02",
            "Jumlah titik akses terpasang", "25 titik"]
INPUT_3 = ["Terkelolanya Keamanan Informasi", "Penatalaksanaan dan Pengawasan e-Government",
           "2.16.03.2.02.0001", "Predikat keamanan informasi", "Baik"]

BLANK4 = [None] * 4
BLANK5 = [None] * 5
ROWS = [
    ULTIMATE + INTERMEDIATE + IMMEDIATE_1 + OUTPUT_1 + INPUT_1,
    BLANK4 + BLANK4 + BLANK5 + BLANK5 + INPUT_2,
    BLANK4 + BLANK4 + IMMEDIATE_2 + OUTPUT_2 + INPUT_3,
]


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUTPUT
    workbook = xlsxwriter.Workbook(output)
    workbook.set_properties({"author": "Diskominfo", "created": FIXED_TIME})
    sheet = workbook.add_worksheet("pohon_kinerja")
    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top", "border": 1})
    for column, name in enumerate(HEADER):
        sheet.write_string(0, column, name, bold)
        sheet.set_column(column, column, 24)
    for row, values in enumerate(ROWS, start=1):
        for column, value in enumerate(values):
            if value is None:
                sheet.write_blank(row, column, None, wrap)
            else:
                sheet.write_string(row, column, value, wrap)
    workbook.close()
    print(output)


if __name__ == "__main__":
    main()
