#!/usr/bin/env python3
"""Seed-sized benchmark data: COUNT copies of the seed workbook
(Fixtures/agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx, 7 sheets, 436 cells, 27 nodes), each
with its own agency name, as OUT_FOLDER/kab-XX/dinas-NNNN.xlsx.

usage: seed_variants.py OUT_FOLDER [COUNT]
"""
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "..", "..", "Fixtures", "agencies", "dkukmpp-seed", "pohon-kinerja-dkukmpp.xlsx")


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    with zipfile.ZipFile(SEED) as seed:
        parts = [(info, seed.read(info)) for info in seed.infolist()]
    for number in range(1, count + 1):
        path = os.path.join(folder, f"kab-{number // 40:02d}", f"dinas-{number:04d}.xlsx")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in parts:
                if info.filename.startswith("xl/worksheets/"):
                    data = data.replace(b"DINAS KOPERASI", f"DINAS KOPERASI NOMOR {number}".encode())
                out.writestr(info.filename, data)


if __name__ == "__main__":
    main()
