#!/usr/bin/env python3
"""Deterministic benchmark CSV shaped like a performance tree (pohon kinerja) table.

200,000 records x 10 fields plus a header (about 31 MB, 1.97 M non-empty cells): a code like
2.17.05.2.01, the level word, an Indonesian statement (some with commas or quotes, so quoted),
an indicator, a unit, and 5 numeric target columns (2025-2029), about 3 % of them empty.
Indonesian text repeats a lot, as real trees do. Same seed, same bytes.

usage: generate.py OUT.csv [ROWS]
"""
import csv
import random
import sys

LEVELS = ["Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan"]
VERBS = ["Meningkatnya", "Menurunnya", "Terwujudnya", "Tersedianya", "Terlaksananya", "Optimalnya",
         "Terpenuhinya", "Menguatnya"]
OBJECTS = ["kualitas pelayanan publik", "kinerja keuangan daerah", "akses pendidikan dasar",
           "derajat kesehatan masyarakat", "daya saing usaha mikro, kecil dan menengah",
           "tata kelola pemerintahan", "ketahanan pangan", "infrastruktur jalan kabupaten",
           "partisipasi masyarakat desa", "pengelolaan arsip dinamis", "kapasitas aparatur sipil negara",
           "pendapatan asli daerah", "cakupan air minum layak", "kualitas lingkungan hidup",
           "pemberdayaan koperasi \"sehat\""]
PLACES = ["Kabupaten Sleman", "Kecamatan", "Desa", "Kelurahan", "Perangkat Daerah", "UPTD Puskesmas"]
INDICATORS = ["Persentase", "Jumlah", "Indeks", "Rasio", "Tingkat", "Nilai", "Cakupan"]
UNITS = ["Persen", "Dokumen", "Orang", "Unit", "Indeks", "Kegiatan", "Laporan", "Rupiah", "Desa"]


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    rng = random.Random(20260501)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["Kode", "Level", "Uraian Kinerja", "Indikator Kinerja", "Satuan",
                         "Target 2025", "Target 2026", "Target 2027", "Target 2028", "Target 2029"])
        for _ in range(rows):
            level = rng.randrange(5)
            parts = [str(rng.randint(1, 4)), f"{rng.randint(1, 30):02d}", f"{rng.randint(1, 12):02d}",
                     str(rng.randint(1, 3)), f"{rng.randint(1, 40):02d}"]
            code = ".".join(parts[: level + 1])
            statement = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} di {rng.choice(PLACES)}"
            if rng.random() < 0.3:
                statement += f" melalui program prioritas tahap {rng.randint(1, 50)}"
            indicator = f"{rng.choice(INDICATORS)} {rng.choice(OBJECTS)}"
            unit = rng.choice(UNITS)
            base = rng.uniform(10, 100)
            if unit in ("Persen", "Indeks"):
                targets = [f"{min(100.0, base + step * 2.5):.2f}" for step in range(5)]
            else:
                whole = rng.randint(1, 500000)
                targets = [str(whole + step * rng.randint(0, 2500)) for step in range(5)]
            targets = ["" if rng.random() < 0.03 else value for value in targets]
            writer.writerow([code, LEVELS[level], statement, indicator, unit, *targets])


if __name__ == "__main__":
    main()
