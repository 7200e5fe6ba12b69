#!/usr/bin/env python3
"""Writes the small CSV fixtures of this folder, each named after the case it exercises.

Run from anywhere: python3 Fixtures/csv/generate.py. The bytes are deterministic; the tests in
Tests/PokinCSVTests/CSVReaderFixtureTests.swift state what each file holds.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# Indonesian Excel (id-ID) "CSV (Comma delimited)": `;` list separator, decimal comma, CRLF, no BOM.
write("semicolon-decimal-comma.csv",
      "Kode;Indikator Kinerja;Satuan;Target 2025;Realisasi\r\n"
      "2.17.05.2.01;Persentase UMKM naik kelas;%;1,5;2,25\r\n"
      "2.17.05.2.02;Jumlah koperasi sehat;unit;1.250;1.312,5\r\n"
      "2.17.05.2.03;\"Nilai investasi; total\";Rp;2.500.000,75;3\r\n".encode("ascii"))

# Excel "CSV UTF-8": BOM, comma, CRLF.
write("utf8-bom.csv",
      "\ufeffBidang,Sasaran\r\nKoperasi – UMKM,Meningkatnya daya saing (±5%)\r\n".encode("utf-8"))

# Excel "Unicode Text": UTF-16 with BOM, TAB, CRLF. A character outside the BMP tests surrogate pairs.
unicode_text = "Kode\tUraian\tTarget\r\n1.01\tCapaian 📈 naik\t1,5\r\n1.02\tKeterangan \"khusus\"\t√2\r\n"
write("utf16le-bom.csv", b"\xff\xfe" + unicode_text.encode("utf-16-le"))
write("utf16be-bom.csv", b"\xfe\xff" + unicode_text.encode("utf-16-be"))

# An ANSI export: not UTF-8. First non-UTF-8 byte (0xE9, é) is on line 3.
write("windows-1252.csv",
      b"Nama;Jabatan\r\nBudi;Kepala Dinas\r\nRen\xe9;Sekretaris \x96 Bagian \x80\r\n")

# A quote opened on line 4 (record 3: record 2 spans lines 2-3) that never closes.
write("unterminated-quote.csv",
      b"kode,uraian\n1,\"dua\nbaris\"\n2,\"tidak ditutup\n3,empat\n4,lima\n")

# Records with fewer and more fields than the header; a blank line.
write("ragged-rows.csv",
      b"a,b,c,d\n1,2,3,4\n5,6,7\n\n8,9,10,11,12\n13,14,15,16\n")

# Classic Mac line ends: CR only.
write("cr-only.csv", b"x,y\r1,2\r3,\"a\rb\"\r")

write("tab-delimited.csv", b"kode\turaian\tnilai\n1\tsatu, dua\t1.5\n2\ttiga; empat\t2\n")
write("pipe-delimited.csv", b"kode|uraian|nilai\n1|satu, dua|1,5\n2|tiga; empat|2\n")

# Excel's delimiter hint line: not a record.
write("sep-hint.csv", b"sep=;\r\nkode;nilai\r\n1;2,5\r\n")
