#!/usr/bin/env python3
"""Writes renstra-distan.xlsx: a Dinas Pertanian Renstra in e-SAKIP Banjarnegara's long import
format, produced by LibreOffice: the rows are written as a CSV, and LibreOffice (soffice
--headless) converts it to XLSX with every column imported as text (so "103,5" and
"150.000" stay as written).

What the layout shows, on purpose:
  - one row per tujuan, sasaran, program, kegiatan and sub kegiatan, per indicator and per
    year's target, the `level` column saying which;
  - a "renstra" row for the document itself (left out by the mapping);
  - two years of targets for the tujuan indicator;
  - the last kegiatan (3.27.03.2.02) comes AFTER the block of program 3.27.07: by row order it
    would hang under 3.27.07, by its code it belongs to program 3.27.03.

Not byte-deterministic (LibreOffice stamps the time); the cells are always the same.

    python3 make-workbook.py [OUTPUT]      (needs soffice on the PATH)
"""

import csv
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "renstra-distan.xlsx")

HEADER = ["no", "level", "kode", "uraian", "tahun_target", "target", "satuan", "sumber_data"]
ROWS = [
    ["renstra", "", "Renstra Dinas Pertanian 2025-2029", "", "", "", ""],
    ["tujuan", "T1", "Meningkatnya Kesejahteraan Petani", "", "", "", ""],
    ["indikator_tujuan", "", "Nilai Tukar Petani", "", "", "Indeks", "BPS"],
    ["target_tujuan", "", "", "2025", "103,5", "Indeks", ""],
    ["target_tujuan", "", "", "2026", "104", "Indeks", ""],
    ["sasaran", "S1", "Meningkatnya Produksi Pertanian", "", "", "", ""],
    ["indikator_sasaran", "", "Produksi padi", "", "", "Ton", "Dinas Pertanian"],
    ["target_sasaran", "", "", "2025", "150.000", "Ton", ""],
    ["program", "3.27.03", "PROGRAM PENYEDIAAN DAN PENGEMBANGAN SARANA PERTANIAN", "", "", "", ""],
    ["indikator_program", "", "Persentase ketersediaan benih unggul", "", "", "%", ""],
    ["target_program", "", "", "2025", "80", "%", ""],
    ["kegiatan", "3.27.03.2.01", "Penyediaan Benih Tanaman Pangan", "", "", "", ""],
    ["indikator_kegiatan", "", "Jumlah benih yang tersalurkan", "", "", "Ton", ""],
    ["target_kegiatan", "", "", "2025", "25", "Ton", ""],
    ["sub_kegiatan", "3.27.03.2.01.0001", "Pengadaan Benih Padi Unggul", "", "", "", ""],
    ["indikator_sub_kegiatan", "", "Jumlah benih padi yang diadakan", "", "", "Ton", ""],
    ["target_sub_kegiatan", "", "", "2025", "20", "Ton", ""],
    ["sub_kegiatan", "3.27.03.2.01.0002", "Penyaluran Benih kepada Kelompok Tani", "", "", "", ""],
    ["indikator_sub_kegiatan", "", "Jumlah kelompok tani penerima benih", "", "", "Kelompok", ""],
    ["target_sub_kegiatan", "", "", "2025", "40", "Kelompok", ""],
    ["program", "3.27.07", "PROGRAM PENYULUHAN PERTANIAN", "", "", "", ""],
    ["indikator_program", "", "Persentase petani yang mengikuti penyuluhan", "", "", "%", ""],
    ["target_program", "", "", "2025", "60", "%", ""],
    ["kegiatan", "3.27.07.2.01", "Pelaksanaan Penyuluhan Pertanian", "", "", "", ""],
    ["indikator_kegiatan", "", "Jumlah penyuluhan yang dilaksanakan", "", "", "Kali", ""],
    ["target_kegiatan", "", "", "2025", "48", "Kali", ""],
    ["kegiatan", "3.27.03.2.02", "Pengawasan Peredaran Pupuk dan Pestisida", "", "", "", ""],
    ["indikator_kegiatan", "", "Jumlah pengawasan peredaran pupuk", "", "", "Kali", ""],
    ["target_kegiatan", "", "", "2025", "12", "Kali", ""],
]


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUTPUT
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice (LibreOffice) is needed to write this workbook")
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "renstra-distan.csv")
        with open(source, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            for number, row in enumerate(ROWS, start=1):
                writer.writerow([str(number)] + row)
        # CSV filter options: comma, double quote, UTF-8 (76), start at line 1, every column text (2).
        columns = "/".join(f"{index}/2" for index in range(1, len(HEADER) + 1))
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                        f"--infilter=CSV:44,34,76,1,{columns}", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                        "--outdir", work, source], check=True, stdout=subprocess.DEVNULL)
        shutil.move(os.path.join(work, "renstra-distan.xlsx"), output)
    print(output)


if __name__ == "__main__":
    main()
