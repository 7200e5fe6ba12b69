#!/usr/bin/env python3
"""Benchmark data for `pokin batch`: agency workbooks in the permenpan-lembar-kerja layout (the
seed's: one sheet per tahap, tips above each table), each about 5,000 cells on 5 sheets.

Each workbook holds its own tree: 1 outcome, 7 CSFs (2 of them crosscutting with a partner), and
under each of the 5 others 3 kondisi antara utama x 2 kondisi antara x 3 kondisi operasional;
Tahap 4 and 5 list every node with its indicator, level, planning component and job, plus the
columns agencies add (unit, baseline, targets 2025-2029, data source, person in charge).
Statements come from a seeded generator, so the same arguments give the same cells.

usage: generate.py OUT_FOLDER [COUNT] [--seed-layout-only]
Writes OUT_FOLDER/kab-XX/opd-NNNN.xlsx, 40 per folder (xlsxwriter).
"""
import os
import random
import sys

import xlsxwriter

VERBS_UP = ["Meningkatnya", "Terwujudnya", "Menguatnya", "Optimalnya", "Tersedianya", "Terpenuhinya"]
VERBS_OP = ["Terselenggaranya", "Terlaksananya", "Terfasilitasinya", "Terkelolanya", "Tersusunnya"]
OBJECTS = ["kualitas pelayanan publik", "kinerja keuangan daerah", "akses pendidikan dasar", "derajat kesehatan masyarakat",
           "daya saing usaha mikro", "tata kelola pemerintahan", "ketahanan pangan", "infrastruktur jalan kabupaten",
           "partisipasi masyarakat desa", "pengelolaan arsip dinamis", "kapasitas aparatur sipil negara",
           "pendapatan asli daerah", "cakupan air minum layak", "kualitas lingkungan hidup", "pemberdayaan koperasi",
           "pembinaan usaha kecil", "pengawasan koperasi", "pemasaran produk lokal", "pendataan potensi wilayah",
           "kemitraan dunia usaha", "perizinan berusaha", "pelatihan tenaga kerja", "penempatan tenaga kerja",
           "perlindungan konsumen", "pengembangan ekonomi kreatif", "sarana perdagangan", "standardisasi produk",
           "pengendalian harga pasar", "layanan administrasi kependudukan", "sistem informasi daerah"]
QUALIFIERS = ["di tingkat kecamatan", "bagi pelaku usaha", "berbasis digital", "secara berkelanjutan", "di desa tertinggal",
              "bagi perempuan", "bagi penyandang disabilitas", "sesuai standar", "tepat waktu", "yang akuntabel",
              "di kawasan perbatasan", "bagi generasi muda", "yang terintegrasi", "di wilayah pesisir", "bagi petani",
              "secara partisipatif", "yang transparan", "di kawasan industri", "bagi nelayan", "di pasar tradisional"]
INDICATORS = ["Persentase", "Jumlah", "Indeks", "Rasio", "Tingkat", "Nilai", "Cakupan"]
UNITS = ["Persen", "Dokumen", "Orang", "Unit", "Indeks", "Kegiatan", "Laporan", "Desa"]
PARTNERS = ["DINAS PMPTSP", "BAPPEDA", "DINAS KOMINFO", "BPKAD", "DINAS SOSIAL", "INSPEKTORAT"]
TIPS_3 = ["1 trik menguraikan kondisi antara sampai ke kondisi operasional", "2 jangan kaitkan dulu dengan komponen perencanaan",
          "3 jangan kaitkan dulu dengan sotk eksisting", "4 jangan kaitkan dulu dengan nama program atau kegiatan",
          "5 jangan kaitkan dulu dengan anggaran", "6 identifikasi adanya crosscutting dengan organisasi lain"]
PERFORMANCE = {"outcome": "kinerja strategis skpd", "csf": "kinerja strategis", "kau": "kinerja taktikal intermediate",
               "ka": "kinerja taktikal", "ko": "kinerja operasional"}
PLANNING = {"outcome": "Tujuan SKPD", "csf": "Sasaran Pertama SKPD", "kau": "Sasaran Program", "ka": "Sasaran Kegiatan",
            "ko": "Sasaran Sub Kegiatan"}
POSITION = {"outcome": "", "csf": "PK Jabatan Pimpinan Tinggi", "kau": "PK Jabatan Administrator", "ka": "PK Jabatan Pengawas",
            "ko": "PK/SKP JF"}
LEVEL_WORD = {"kau": "Kondisi antara utama", "ka": "Kondisi antara", "ko": "kondisi operasional"}
STAGE = {"outcome": "Tahap 1", "csf": "Tahap 2", "kau": "Tahap 3", "ka": "Tahap 3", "ko": "Tahap 3"}
EXTRA = ["Satuan", "Baseline 2023", "Realisasi 2024", "Target 2025", "Target 2026", "Target 2027", "Target 2028", "Target 2029",
         "Sumber Data", "Penanggung Jawab", "Catatan"]


def tree(rng):
    """[(kind, statement, parent index or None, partner)] parents first."""
    used = set()

    def statement(kind):
        while True:
            verb = rng.choice(VERBS_OP if kind in ("ka", "ko") else VERBS_UP)
            text = f"{verb} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}"
            if text not in used:
                used.add(text)
                return text

    nodes = [("outcome", statement("outcome"), None, None)]
    for c in range(7):
        crosscutting = c >= 5
        nodes.append(("csf", statement("csf"), 0, PARTNERS[rng.randrange(len(PARTNERS))] if crosscutting else None))
        if crosscutting:
            continue
        csf = len(nodes) - 1
        for _ in range(3):
            nodes.append(("kau", statement("kau"), csf, None))
            kau = len(nodes) - 1
            for _ in range(2):
                nodes.append(("ka", statement("ka"), kau, None))
                ka = len(nodes) - 1
                for _ in range(3):
                    nodes.append(("ko", statement("ko"), ka, None))
    return nodes


def indicator(rng, text):
    return f"{rng.choice(INDICATORS)} {text.split(' ', 1)[1]}"


def extra_cells(rng):
    base = rng.randint(10, 90)
    return [rng.choice(UNITS), base, base + 1] + [base + step * rng.randint(1, 3) for step in range(1, 6)] + \
           ["Laporan Tahunan", "Kepala Bidang", "-"]


def write_workbook(path, number):
    rng = random.Random(number)
    nodes = tree(rng)
    short = f"OPD{number:04d}"
    book = xlsxwriter.Workbook(path)
    bold = book.add_format({"bold": True})

    t1 = book.add_worksheet("TAHAP 1")
    t1.write("A1", "Tahap 1 menentukan outcome", bold)
    for row, text in enumerate(["Cara menentukan outcome", "a Mandat/Tugas dan Fungsi", "b Permasalahan yang dihadapi",
                                "c Ekspektasi atau harapan masyarakat dan stake holder"], start=2):
        t1.write(row, 0, text)
    t1.write("A18", f"Tahap 1 Menentukan outcome\n{short}")
    t1.write("A20", nodes[0][1])

    t2 = book.add_worksheet("TAHAP 2")
    t2.write("A1", "Tahap 2", bold)
    t2.write("A3", "Trik menentukan CSF")
    t2.write("B9", f"CSF {nodes[0][1]}")
    csfs = [n for n in nodes if n[0] == "csf"]
    for i, node in enumerate(csfs):
        t2.write(9 + i, 0, i + 1)
        t2.write(9 + i, 1, node[1])
    t2.write(10 + len(csfs), 0, "Identifikasi CSF yang dibutuhkan untuk mencapai kinerja")
    # The CSFs restated as conditions, as the seed's Tahap 2 has them.
    t2.write(12 + len(csfs), 1, "Kondisi yang diperlukan")
    for i, node in enumerate(n for n in csfs if not n[3]):
        t2.write(13 + len(csfs) + i, 1, node[1])

    t3 = book.add_worksheet("TAHAP 3")
    t3.write("A1", "Tahap 3", bold)
    t3.write("A3", "Uraikan CSF ke kondisi antara sampai kondisi paling teknis atau operasional")
    for row, text in enumerate(TIPS_3, start=4):
        t3.write(row, 0, text)
    header = 14
    t3.write_row(header, 0, ["CSF yang sudah dirubah ke bahasa kondisi pada tahap 2",
                             "Kondisi yang diperlukan (kondisi antara sampai kondisi paling operasional)", "Keterangan"], bold)
    row = header + 1
    for index, node in enumerate(nodes):
        if node[0] != "csf":
            continue
        if node[3]:
            t3.write(row, 0, node[1])
            t3.write(row, 1, f"CROSCUTTING {node[3]}")
            row += 1
            continue
        children = [n for n in descendants(nodes, index)]
        first = row
        for child in children:
            t3.write(row, 1, child[1])
            t3.write(row, 2, LEVEL_WORD[child[0]])
            row += 1
        t3.merge_range(first, 0, row - 1, 0, node[1])

    for name, columns in (("TAHAP 4", 4), ("TAHAP 5", 6)):
        sheet = book.add_worksheet(name)
        sheet.write("A1", f"{name.title()} {'Merumuskan Indikator' if columns == 4 else 'menerjemahkan pohon kinerja'}", bold)
        heads = ["Rujukan Tahapan", "Kinerja", "Indikator Kinerja", "Keterangan"] + (["", ""] if columns == 6 else [])
        sheet.write_row(2, 0, heads + EXTRA, bold)
        for offset, node in enumerate(n for n in nodes if not n[3]):
            cells = [STAGE[node[0]], node[1], indicator(rng, node[1]),
                     PERFORMANCE[node[0]].title() if columns == 6 else PERFORMANCE[node[0]]]
            if columns == 6:
                cells += [PLANNING[node[0]], POSITION[node[0]]]
            sheet.write_row(3 + offset, 0, cells + extra_cells(rng))
    book.close()


def descendants(nodes, index):
    """Depth-first, in sheet order."""
    out = []
    for child_index, node in enumerate(nodes):
        if node[2] == index:
            out.append(node)
            out.extend(descendants(nodes, child_index))
    return out


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    for number in range(1, count + 1):
        path = os.path.join(folder, f"kab-{number // 40:02d}", f"opd-{number:04d}.xlsx")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_workbook(path, number)


if __name__ == "__main__":
    main()
