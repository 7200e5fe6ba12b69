#!/usr/bin/env python3
"""Writes the XLSX read benchmark workbook: one sheet, a header row and 200,000 data rows of
10 columns shaped like an agency's performance-tree (pohon kinerja / cascading) export.

Deterministic: a fixed seed, fixed vocabulary and a fixed file date give the same workbook on
every run. Written with xlsxwriter in its default mode (shared-string table, as Excel writes).

Columns: Kode (2.17.05.2.01-style codes), Level, Uraian Kinerja, Indikator Kinerja,
Satuan, and five numeric targets (Target 2025-2029). Text repeats a lot, as in real
workbooks: a few hundred statements and indicators spread over 200,000 rows.

Usage: generate.py [OUTPUT] [ROWS]   (default: pokin-bench.xlsx, 200000)
"""
import datetime
import random
import sys

import xlsxwriter

OUTPUT = sys.argv[1] if len(sys.argv) > 1 else "pokin-bench.xlsx"
ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000

rng = random.Random(20250101)

LEVELS = ["Tujuan", "Sasaran SKPD", "Sasaran Program", "Sasaran Kegiatan", "Sasaran Sub Kegiatan"]
VERBS = ["Meningkatnya", "Menurunnya", "Terwujudnya", "Tersedianya", "Terlaksananya", "Meningkatkan",
         "Optimalisasi", "Terkendalinya", "Tercapainya", "Terpenuhinya"]
OBJECTS = ["kualitas pelayanan publik", "produktivitas koperasi dan usaha mikro", "akuntabilitas kinerja instansi",
           "kapasitas sumber daya aparatur", "cakupan layanan kesehatan dasar", "daya saing usaha kecil",
           "tata kelola keuangan daerah", "kualitas perencanaan pembangunan", "pemanfaatan teknologi informasi",
           "partisipasi masyarakat", "ketahanan pangan daerah", "kualitas infrastruktur jalan",
           "pengelolaan arsip dinamis", "pembinaan kelembagaan koperasi", "akses permodalan usaha mikro",
           "kepuasan masyarakat terhadap layanan", "kualitas data statistik sektoral", "pengawasan internal"]
PLACES = ["di Kabupaten", "pada Perangkat Daerah", "di tingkat kecamatan", "bagi pelaku usaha", "secara berkelanjutan",
          "sesuai standar pelayanan minimal", "yang efektif dan efisien", ""]
MEASURES = ["Persentase", "Jumlah", "Indeks", "Nilai", "Rasio", "Tingkat", "Cakupan", "Rata-rata"]
UNITS = ["Persen", "Dokumen", "Orang", "Unit", "Indeks", "Nilai", "Kegiatan", "Laporan", "Koperasi", "Desa"]


def statement():
    return " ".join(part for part in (rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(PLACES)) if part)


def indicator():
    return f"{rng.choice(MEASURES)} {rng.choice(OBJECTS)} {rng.choice(PLACES)}".strip()


# A few hundred distinct statements and indicators, reused across the rows.
STATEMENTS = [statement() for _ in range(400)]
INDICATORS = [indicator() for _ in range(600)]

workbook = xlsxwriter.Workbook(OUTPUT)  # default mode: shared strings
workbook.set_properties({"created": datetime.datetime(2025, 1, 1)})
sheet = workbook.add_worksheet("Cascading")
header = ["Kode", "Level", "Uraian Kinerja", "Indikator Kinerja", "Satuan",
          "Target 2025", "Target 2026", "Target 2027", "Target 2028", "Target 2029"]
sheet.write_row(0, 0, header)
for row in range(1, ROWS + 1):
    level = rng.randrange(len(LEVELS))
    code = ".".join([str(rng.randint(1, 3)), f"{rng.randint(1, 30):02d}", f"{rng.randint(1, 20):02d}"][: 1 + min(level, 2)])
    if level >= 3:
        code += f".{rng.randint(1, 9)}"
    if level >= 4:
        code += f".{rng.randint(1, 30):02d}"
    base = rng.choice([rng.randint(1, 100), round(rng.uniform(50, 100), 2), rng.randint(100, 5_000_000)])
    targets = [base]
    for _ in range(4):
        step = targets[-1] * rng.uniform(1.0, 1.08)
        targets.append(round(step, 2) if isinstance(base, float) else int(step))
    sheet.write_row(row, 0, [code, LEVELS[level], rng.choice(STATEMENTS), rng.choice(INDICATORS), rng.choice(UNITS)] + targets)
workbook.close()
print(f"wrote {OUTPUT}: {ROWS} rows x {len(header)} columns")
