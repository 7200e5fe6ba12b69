#!/usr/bin/env python3
"""Writes pohon-kinerja-dkukmpp.xlsx: the seed agency's worksheets (DKUKMPP, Tahap 1-5, POHON
KINERJA, CASCADING) as the agency would have them in Excel.

Every text is copied from the seed dump (../shared/seed/000_72ba3d1eccf28c80.txt) as written:
typos, case, missing words and misplaced cells are data, because they are what `pokin check`
must find. The layout of each sheet is described in README.md next to this script; the golden
model (expected.json) points at cells of this workbook, so do not move cells without updating it.

Deterministic: fixed document properties and zip timestamps, so rerunning gives the same bytes
(with the same openpyxl version) and always the same cell content.

    python3 make-workbook.py [OUTPUT]     (default: pohon-kinerja-dkukmpp.xlsx beside this script)
"""

import datetime
import math
import os
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from fixed_zip import normalise_zip  # noqa: E402  (Fixtures/agencies/fixed_zip.py)


FIXED_TIME = datetime.datetime(2024, 1, 15, 8, 0, 0)
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "pohon-kinerja-dkukmpp.xlsx")

TITLE = Font(name="Calibri", size=14, bold=True)
BOLD = Font(name="Calibri", size=11, bold=True)
ITALIC_BOLD = Font(name="Calibri", size=11, bold=True, italic=True)
HEADER_FILL = PatternFill(fill_type="solid", start_color="FFD9E1F2", end_color="FFD9E1F2")
THIN = Side(style="thin", color="FF000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")


# MARK: - Small helpers

def put(ws, ref, value, font=None, border=None, align=None, fill=None):
    cell = ws[ref]
    cell.value = value
    if font is not None:
        cell.font = font
    if border is not None:
        cell.border = border
    if align is not None:
        cell.alignment = align
    if fill is not None:
        cell.fill = fill
    return cell


def widths(ws, **columns):
    for letter, width in columns.items():
        ws.column_dimensions[letter].width = width
    # Printed landscape, one page wide, as agencies print their worksheets.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def table_row(ws, row, values, font=None, fill=None, align=WRAP):
    """Writes one table row from column A; None leaves a cell empty (but still framed)."""
    for index, value in enumerate(values):
        ref = f"{chr(ord('A') + index)}{row}"
        cell = ws[ref]
        if value is not None:
            cell.value = value
        cell.border = BOX
        cell.alignment = align
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill


def fit_rows(ws):
    """Sets row heights for wrapped text (openpyxl stores no automatic heights): about one
    character per unit of column width, 15 points a line; merged cells are left as they are."""
    merged = {ref for merged_range in ws.merged_cells.ranges for row in ws[merged_range.coord] for ref in
              (cell.coordinate for cell in row)}
    for row in ws.iter_rows():
        lines = 1
        for cell in row:
            if cell.value is None or cell.coordinate in merged or not cell.alignment.wrap_text:
                continue
            width = ws.column_dimensions[cell.column_letter].width or 8.43
            per_line = max(1, int(width * (0.95 if cell.font.b else 1.05)))
            needed = sum(max(1, math.ceil(len(part) / per_line)) for part in str(cell.value).split("\n"))
            lines = max(lines, needed)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = 15 * lines


def frame(ws, ref_range):
    """Thin border around every cell of a range (merged ranges need it on each cell)."""
    for row in ws[ref_range]:
        for cell in row:
            cell.border = BOX


# MARK: - Tahap 1

def tahap1(wb):
    ws = wb.create_sheet("TAHAP 1")
    widths(ws, A=90)
    put(ws, "A1", "Tahap 1 menentukan outcome", TITLE)
    put(ws, "A3", "Cara menentukan outcome", BOLD)
    put(ws, "A4", "a Mandat/Tugas dan Fungsi")
    put(ws, "A5", "b Permasalahan yang dihadapi")
    put(ws, "A6", "c Ekspektasi atau harapan masyarakat dan stake holder")
    # The working note box: two lines in one cell.
    put(ws, "A8", "Produktivitas Koperasi dan Usaha Mikro\nOptimal", BOLD, BOX, WRAP_CENTER)
    ws.row_dimensions[8].height = 32
    put(ws, "A10", "Trik menentukan outcome", BOLD)
    put(ws, "A11", "1 Outcome harus dirumuskan dengan kesepakatan bersama")
    put(ws, "A12", "2 Outcome instansi harus menggambarkan hasil yang strategis")
    put(ws, "A13", "3 Outcome tidak harus ketiga faktor pembentuk diatas, namun umumnya bisa saling terkait")
    put(ws, "A14", "4 Jika outcome strategis bukan final outcome atau intermediate outcome maka instansi "
                   "harus melihat kembali kebenaran dari kinerja outcome tersebut")
    # The result box: heading with the agency's acronym on a second line, then the outcome.
    put(ws, "A18", "Tahap 1 Menentukan outcome\nDKUKMPP", BOLD, None, WRAP)
    ws.row_dimensions[18].height = 32
    put(ws, "A20", "Meningkatnya Produktifitas Koperasi dan Usaha Mikro", BOLD, BOX, WRAP_CENTER)
    ws.row_dimensions[20].height = 30


# MARK: - Tahap 2

def tahap2(wb):
    ws = wb.create_sheet("TAHAP 2")
    widths(ws, A=6, B=75)
    put(ws, "A1", "Tahap 2", TITLE)
    put(ws, "A3", "Trik menentukan CSF", BOLD)
    put(ws, "A4", "1 CSF menggambarkan isu faktual")
    put(ws, "A5", "2 CSF menggambarkan kebutuhan mencapai kinerja dimasa mendatang")
    put(ws, "A6", "3 CSF mempertimbang perubahan lingkungan")
    put(ws, "A7", "4 Pastikan CSF adalah sebab atau cara dan outcome adalah akibat atau hasil")
    # The CSF table: an empty number header, the title in bold over the text column.
    table_row(ws, 9, [None, "CSF Meningkatkan produktifitas koperasi dan usaha mikro"], BOLD, HEADER_FILL)
    csf = [
        "Rendahnya Koperasi yang Berkualitas",
        "Rendahnya Penghasilan Usaha Mikro",
        "Mudahnya Pengurusan Ijin Koperasi dan Usaha Mikro",
        "Adanya kegiatan pengembangan pelatihan perkoperasian dan UKM",
        "Mudahnya Jaringan Kemitraan",
        "Kemudahan verifikasi dan validasi data UKM",
        "Mudahnya Penyediaan Pengadaan Barang Jasa untuk hibah bantuan UKM",
    ]
    for number, text in enumerate(csf, start=1):
        table_row(ws, 9 + number, [number, text])
        ws[f"A{9 + number}"].alignment = Alignment(horizontal="center", vertical="top")
    put(ws, "A18", "Identifikasi CSF yang dibutuhkan untuk mencapai kinerja", BOLD)
    put(ws, "B20", "Kondisi yang diperlukan", BOLD, BOX, WRAP, HEADER_FILL)
    put(ws, "B21", "Meningkatnya Koperasi yang Berkualitas", None, BOX, WRAP)
    put(ws, "B22", "Meningkatnya Laba Usaha Mikro", None, BOX, WRAP)


# MARK: - Tahap 3

TAHAP3_TIPS = [
    "1 trik menguraikan kondisi antara sampai ke kondisi operasional (sebagai bahan menyusun pohon kinerja)",
    "2 jangan kaitkan dulu dengan komponen perencanaan",
    "3 jangan kaitkan dulu dengan sotk eksisting",
    "4 jangan kaitkan dulu dengan nama program atau kegiatan",
    "5 jangan kaitkan dulu dengan anggaran",
    "6 identifikasi adanya crosscutting dengan organisasi lain",
    "7 jangan redundansi atau kondisi dituangkan berulang kali",
    "8 cek lagi siapa tahu alpa menentukan kondisi anantara yang urgen",
    "9 eliminasi variabel yang tidak memiliki pengaruh besar",
]

# (CSF cell text or None, condition column, Keterangan) rows 16 … 39, exactly as the seed has them.
TAHAP3_ROWS = [
    ("Meningkatnya Koperasi yang Berkualitas", "Meningkatnya Kompetensi SDM Koperasi", "Kondisi antara utama"),
    (None, "Terselenggaranya Pendidikan dan Pelatihan Perkoperasian", "Kondisi antara"),
    (None, "Terlaksananya Pembinaan dan Penyuluhan Koperasi", "kondisi operasional"),
    (None, "Meningkatnya Koperasi Aktif", "Kondisi antara utama"),
    (None, "Terselenggaranya Pemeriksaan dan Pengawasan Koperasi", "Kondisi antara"),
    (None, "Terlaksananya Pengawasan Koperasi", "kondisi operasional"),
    (None, "Terlaksananya Pemeriksaan Kepatuhan Koperasi terhadap Peraturan", "kondisi operasional"),
    ("Meningkatnya Laba Usaha Mikro", "Meningkatnya Kompetensi SDM Usaha Mikro", "Kondisi antara utama"),
    (None, "Terselenggaranya Pendidikan dan Pelatihan Usaha Mikro", "Kondisi antara"),
    (None, "Terlaksananya Pembinaan dan Penyuluhan Usaha Mikro", "kondisi operasional"),
    (None, "Meningkatnya Pemasaran Produk Usaha Mikro", "Kondisi antara utama"),
    (None, "Terselenggaranya pendataan potensi dan pengembangan usaha mikro", "Kondisi antara"),
    (None, "Terlaksananya pendataan UMKM", "kondisi operasional"),
    (None, "Terselenggaranya Pemberdayaan Melalui Kemiteraan UMKM", "Kondisi antara"),
    (None, "Terlaksananya Kerjasama Kemiteraan UMKM", "kondisi operasional"),
    (None, "Meningkatnya Skala Usaha Mikro", "Kondisi antara"),
    (None, "Terselenggaranya Pengembangan Usaha Mikro", "kondisi operasional"),
    # The shifted row: the condition sits in the CSF column, its level word in the condition column.
    ("Terlaksananya Fasilitasi Usaha Mikro dalam Pengembangan Produksi dan Pengolahan, Pemasaran, SDM serta "
     "Desain dan Teknologi", "kondisi operasional", None),
    # The crosscutting CSFs: partner written in the condition column, "CROSCUTTING" misspelt.
    ("Mudahnya Pengurusan Ijin Koperasi dan Usaha Mikro", "CROSCUTTING DINAS PMPTSP", None),
    None,  # the blank row that splits the crosscutting block
    ("Adanya kegiatan pengembangan pelatihan perkoperasian dan UKM", "CROSCUTTING BALAI DIKLAT KOPERASI DAN UKM", None),
    ("Mudahnya Jaringan Kemitraan", "CROSCUTTING BANK/LEMBAGA KEUANGAN/RETAIL MODERN", None),
    ("Kemudahan verifikasi dan validasi data UKM", "CROSCUTTING DESA", None),
    ("Mudahnya Penyediaan Pengadaan Barang Jasa untuk hibah bantuan UKM", "CROSCUTTING UKPBJ", None),
]


def tahap3(wb):
    ws = wb.create_sheet("TAHAP 3")
    widths(ws, A=48, B=62, C=24)
    put(ws, "A1", "Tahap 3", TITLE)
    put(ws, "A3", "Uraikan CSF ke kondisi antara sampai kondisi paling teknis atau operasional", BOLD)
    for index, tip in enumerate(TAHAP3_TIPS):
        put(ws, f"A{5 + index}", tip)
    table_row(ws, 15, [
        "CSF yang sudah dirubah ke bahasa kondisi pada tahap 2",
        "Kondisi yang diperlukan (kondisi antara sampai kondisi paling operasional)",
        "Keterangan",
    ], BOLD, HEADER_FILL, WRAP_CENTER)
    ws.row_dimensions[15].height = 45
    for offset, row in enumerate(TAHAP3_ROWS):
        if row is None:
            continue
        table_row(ws, 16 + offset, list(row))
    # The CSF column is merged over the rows of each CSF (its text in the top cell).
    ws.merge_cells("A16:A22")
    ws.merge_cells("A23:A32")
    for ref in ("A16", "A23"):
        ws[ref].alignment = Alignment(wrap_text=True, vertical="center")
    # The orphan legend under the table (the dump kept its words, not its colours).
    put(ws, "B41", "kondisi antara utama")
    put(ws, "B42", "kondisi antara")
    put(ws, "B43", "kondisi operasional")


# MARK: - Tahap 4

TAHAP4_ROWS = [
    ("Tahap 1", "Meningkatnya Produktifitas Koperasi dan Usaha Mikro", "Persentase Koperasi Berpredikat Sehat", "kinerja strategis skpd"),
    ("Tahap 2", "Meningkatnya Koperasi yang Berkualitas", "Persentase Koperasi Berkualitas", "kinerja strategis"),
    ("Tahap 3", "Meningkatnya Kompetensi SDM Koperasi", "Persentase Koperasi dengan SDM yang kompeten", "kinerja taktikal intermediate"),
    ("Tahap 3", "Terselenggaranya Pendidikan dan Pelatihan Perkoperasian", "Persentase Koperasi yang Memperoleh Pendidikan dan Pelatihan Perkoperasian", "Kinerja taktikal"),
    ("Tahap 3", "Terlaksananya Pembinaan dan Penyuluhan Koperasi", "Jumlah Pembinaan dan Penyuluhan Koperasi", "kinerja operasional"),
    ("Tahap 3", "Meningkatnya Koperasi Aktif", "Persentase Koperasi Aktif", "kinerja taktikal intermediate"),
    ("Tahap 3", "Terselenggaranya Pemeriksaan dan Pengawasan Koperasi", "Persentase Koperasi Taat Peraturan", "Kinerja taktikal"),
    ("Tahap 3", "Terlaksananya Pengawasan Koperasi", "Jumlah Koperasi yang dilakukan Pengawasan", "kinerja operasional"),
    ("Tahap 3", "Terlaksananya Pemeriksaan Kepatuhan Koperasi terhadap Peraturan", "Jumlah Koperasi yang dilakukan Pemeriksaan Kepatuhan", "kinerja operasional"),
    ("Tahap 2", "Meningkatnya Laba Usaha Mikro", "Persentase usaha mikro yang hasil labanya meningkat", "kinerja strategis"),
    ("Tahap 3", "Meningkatnya Kompetensi SDM Usaha Mikro", "Persentase Usaha Mikro yang Memenuhi Kualifikasi Standar Kompetensi Usaha", "kinerja taktikal intermediate"),
    ("Tahap 3", "Terselenggaranya Pendidikan dan Pelatihan Usaha Mikro", "Persentase Usaha Mikro yang Memperoleh Pendidikan dan Pelatihan", "Kinerja taktikal immediate"),
    ("Tahap 3", "Terlaksananya Pembinaan dan Penyuluhan Usaha Mikro", "Jumlah Pembinaan dan Penyuluhan Usaha Mikro", "kinerja operasional"),
    ("Tahap 3", "Meningkatnya Pemasaran Produk Usaha Mikro", "Persentase Usaha Mikro yang Menerapkan E-Commerce", "kinerja taktikal intermediate"),
    ("Tahap 3", "Terselenggaranya pendataan potensi dan pengembangan usaha mikro", "Persentase Pertumbuhan Wirausaha Baru", "Kinerja taktikal"),
    ("Tahap 3", "Terlaksananya pendataan UMKM", "Jumlah Usaha Mikro yang terdata", "kinerja operasional"),
    ("Tahap 3", "Terselenggaranya Pemberdayaan Melalui Kemiteraan UMKM", "Persentase Usaha Mikro yang Bermitera", "Kinerja taktikal"),
    ("Tahap 3", "Terlaksananya Kerjasama Kemiteraan UMKM", "Jumlah Usaha Mikro yang mendapatkan Fasilitas Kemitraan", "kinerja operasional"),
    ("Tahap 3", "Meningkatnya Skala Usaha Mikro", "Persentase Usaha Mikro yang Skala Usahanya Bertambah", "kinerja taktikal intermediate"),
    ("Tahap 3", "Terselenggaranya Pengembangan Usaha Mikro", "Persentase Usaha Mikro yang Skala Usaha Meningkat", "Kinerja taktikal"),
    ("Tahap 3", "Terlaksananya Fasilitas Usaha Mikro dalam Pengembangan Produksi dan Pengolahan, Pemasaran, SDM serta "
                "Desain dan Teknologi", "Jumlah Usaha Mikro yang Mendapat Fasilitas Teknologi, Promosi dan Pemasaran", "kinerja operasional"),
    # The crosscutting CSFs: empty indicator and Keterangan, partner lost.
    ("Tahap 2", "Mudahnya Pengurusan Ijin Koperasi dan Usaha Mikro", None, None),
    ("Tahap 2", "Adanya kegiatan pengembangan pelatihan perkoperasian dan UKM", None, None),
    ("Tahap 2", "Mudahnya Jaringan Kemitraan", None, None),
    ("Tahap 2", "Kemudahan verifikasi dan validasi data UKM", None, None),
    ("Tahap 2", "Mudahnya Penyediaan Pengadaan Barang Jasa untuk hibah bantuan UKM", None, None),
]


def tahap4(wb):
    ws = wb.create_sheet("TAHAP 4")
    widths(ws, A=16, B=60, C=60, D=30)
    put(ws, "A1", "Tahap 4 Merumuskan Indikator Kinerja", TITLE)
    table_row(ws, 3, ["Rujukan Tahapan", "Kinerja", "Indikator Kinerja", "Keterangan"], BOLD, HEADER_FILL, WRAP_CENTER)
    for offset, row in enumerate(TAHAP4_ROWS):
        table_row(ws, 4 + offset, list(row))


# MARK: - Tahap 5

TAHAP5_ROWS = [
    ("Tahap 1", "Meningkatnya Produktifitas Koperasi dan Usaha Mikro", "Persentase Koperasi Berpredikat Sehat", "Kinerja Strategis SKPD", "Tujuan SKPD", None),
    ("Tahap 2", "Meningkatnya Koperasi yang Berkualitas", "Persentase Koperasi Berkualitas", "Kinerja Strategis", "Sasaran Pertama SKPD", "PK Jabatan Pimpinan Tinggi"),
    ("Tahap 3", "Meningkatnya Kompetensi SDM Koperasi", "Persentase Koperasi dengan SDM yang kompeten", "Kinerja Taktikal", "Sasaran Program", "PK Jabatan Administrator"),
    ("Tahap 3", "Terselenggaranya Pendidikan dan Pelatihan Perkoperasian", "Persentase Koperasi yang Memperoleh Pendidikan dan Pelatihan Perkoperasian", "Kinerja Taktikal Intermediate", "Sasaran Kegiatan", "PK/SKP JF"),
    ("Tahap 3", "Terlaksananya Pembinaan dan Penyuluhan Koperasi", "Jumlah Pembinaan dan Penyuluhan Koperasi", "Kinerja Operasional", "Sasaran Sub Kegiatan", "PK/SKP JF"),
    ("Tahap 3", "Meningkatnya Koperasi Aktif", "Persentase Koperasi Aktif", "Kinerja Taktikal", "Sasaran Program", "PK Jabatan Administrator"),
    ("Tahap 3", "Terselenggaranya Pemeriksaan dan Pengawasan Koperasi", "Persentase Koperasi Taat Peraturan", "Kinerja Taktikal", "Sasaran Kegiatan", "PK/SKP JF"),
    ("Tahap 3", "Terlaksananya Pengawasan Koperasi", "Jumlah Koperasi yang dilakukan Pengawasan", "Kinerja Operasional", "Sasaran Sub Kegiatan", "PK/SKP JF"),
    ("Tahap 3", "Terlaksananya Pemeriksaan Kepatuhan Koperasi terhadap", "Jumlah Koperasi yang dilakukan Pemeriksaan Kepatuhan", "Kinerja Operasional", "Sasaran Sub Kegiatan", "PK/SKP JF"),
    # A second Tahap 1 row that exists only on this sheet.
    ("Tahap 1", "Meningkatkan produktifitas usaha mikro", "Persentase Usaha Mikro Naik Kelas", "Kinerja Strategis SKPD", "Tujuan SKPD", None),
    ("Tahap 2", "Meningkatnya Laba Usaha Mikro", "Persentase Usaha Mikro yang hasil labanya meningkat", "Kinerja Strategis", "Sasaran Kedua SKPD", "PK Jabatan Pimpinan"),
    ("Tahap 3", "Meningkatnya Kompetensi Usaha Mikro", "Persentase Usaha Mikro yang Memenuhi Kualifikasi Standar Kompetensi Usaha", "Kinerja Taktikal Intermediate", "Sasaran Program", "PK Jabatan Administrator"),
    ("Tahap 3", "Terselenggaranya Pendidikan dan Pelatihan Usaha Mikro", "Persentase Koperasi yang Memperoleh Pendidikan dan Pelatihan Usaha mikro", "Kinerja Taktikal Intermediate", "Sasaran Kegiatan", "PK/SKP JF"),
    ("Tahap 3", "Terlaksananya Pembinaan dan Penyuluhan Usaha Mikro", "Jumlah Pembinaan dan Penyuluhan Usaha Mikro", "Kinerja Operasional", "Sasaran Sub Kegiatan", "PK/SKP JF"),
    ("Tahap 3", "Meningkatnya Pemasaran Produk Usaha Mikro", "Persentase Usaha Mikro yang Menerapkan E-Commerce", "Kinerja Taktikal Intermediate", "Sasaran Program", "PK Jabatan Administrator"),
    ("Tahap 3", "Terselenggaranya pendataan potensi dan pengembangan usaha mikro", "Persentase Pertumbuhan Wirausaha Baru", "Kinerja Taktikal Intermediate", "Sasaran Kegiatan", "PK/SKP JF"),
    ("Tahap 3", "Terlaksananya pendataan UMKM", "Jumlah Usaha Mikro yang terdata", "Kinerja Operasional", "Sasaran Sub Kegiatan", "PK/SKP JF"),
    ("Tahap 3", "Terselenggaranya Pemberdayaan Melalui Kemiteraan UMKM", "Persentase Usaha Mikro yang Bermitera", "Kinerja Taktikal Intermediate", "Sasaran Kegiatan", "PK/SKP JF"),
    ("Tahap 3", "Terlaksananya Kerjasama Kemiteraan UMKM", "Jumlah Usaha Mikro yang mendapatkan Fasilitas Kemitraan", "Kinerja Operasional", "Sasaran Sub Kegiatan", "PK/SKP JF"),
    ("Tahap 3", "Meningkatnya Skala Usaha Mikro", "Persentase Usaha Mikro yang Skala Usahanya Bertambah", "Kinerja Taktikal", "Sasaran Program", "PK Jabatan Administrator"),
    ("Tahap 3", "Terselenggaranya Pengembangan Usaha Mikro", "Persentase Usaha Mikro yang Skala Usahanya Meningkat", "Kinerja Taktikal", "Sasaran Kegiatan", "PK/SKP JF"),
]

TAHAP5_LAST_ROW = (
    "Tahap 3", "Terlaksananya Fasilitasi Usaha Mikro dalam Pengembangan Produksi dan Pengolahan, Pemasaran, SDM serta "
               "Desain dan Teknologi", "Jumlah Usaha Mikro yang Mendapat Fasilitasi Teknologi, Promosi dan Pemasaran",
    "Kinerja Operasional", "Sasaran Sub Kegiatan", "PK/SKP JF",
)

TAHAP5_SEPARATOR = ("---------", "--", "--", "---------------------", "----------------------", "-----------")


def tahap5(wb):
    ws = wb.create_sheet("TAHAP 5")
    widths(ws, A=16, B=58, C=58, D=30, E=24, F=28)
    put(ws, "A1", "Tahap 5 menerjemahkan pohon kinerja ke komponen perencanaan dan kinerja jabatan", TITLE)
    # Four header names over six columns: the planning component and job columns have none.
    table_row(ws, 3, ["Rujukan Tahapan", "Kinerja", "Indikator Kinerja", "Keterangan", None, None],
              BOLD, HEADER_FILL, WRAP_CENTER)
    for offset, row in enumerate(TAHAP5_ROWS):
        table_row(ws, 4 + offset, list(row))
    # Row 25 stays blank; row 26 holds one space; then the last row and a dashed separator row.
    put(ws, "A26", " ")
    table_row(ws, 27, list(TAHAP5_LAST_ROW))
    for index, value in enumerate(TAHAP5_SEPARATOR):
        put(ws, f"{chr(ord('A') + index)}28", value)


# MARK: - POHON KINERJA

def pohon(wb):
    ws = wb.create_sheet("POHON KINERJA")
    widths(ws, A=22, B=30, C=30, D=30, E=30)
    put(ws, "A1", "POHON KINERJA", TITLE)
    put(ws, "A2", "DINAS KOPERASI USAHA KECIL MENENGAH DAN TENAGA KERJA", BOLD)
    put(ws, "A3", "URUSAN KOPERASI DAN USAHA KECIL MEMENGAH", BOLD)
    # Only the level labels of the diagram survived; its boxes were drawn shapes (see README).
    for row, label in ((6, "tujuan dinas"), (12, "sasaran skpd"), (18, "sasaran program"),
                       (22, "sasaran kegiatan"), (26, "sasaran sub keg")):
        put(ws, f"A{row}", label, ITALIC_BOLD)


# MARK: - CASCADING

CASCADING_HEADERS = ["TUJUAN SKPD", "SASARAN SKPD", "SASARAN PROGRAM", "SASARAN KEGIATAN", "SASARAN SUB KEG"]
CASCADING_JOBS = ["TUJUAN", "PK /SKP JPT", "PK /SKP KABID", "PK /SKP JF", "PK /SKP JF/JP"]

# Boxes of the matrix: (column, first row, last row of the box's band, lines as the seed lists them).
# One cell per line; the box's last cell is merged down to the end of its band, so each parent box
# spans the rows of its children as in a merged cascading matrix.
CASCADING_BOXES = [
    # SASARAN SKPD
    ("B", 6, 17, ["Meningkatnya Koperasi yang Berkualitas", "Persentase Koperasi Berkualitas"]),
    ("B", 18, 37, ["Meningkatnya Laba Usaha Mikro", "Persentase Usaha Mikro yang hasil labanya meningkat"]),
    # SASARAN PROGRAM
    ("C", 6, 10, ["Meningkatnya Kompetensi SDM Koperasi", "PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN",
                  "Persentase Koperasi dengan SDM yang kompeten"]),
    ("C", 11, 17, ["Meningkatnya Koperasi Aktif", "PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI",
                   "Persentase Koperasi Aktif"]),
    ("C", 18, 32, ["Meningkatnya Kompetensi Usaha Mikro", "Meningkatnya Pemasaran Produk Usaha Mikro",
                   "PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL DAN USAHA MIKRO (UMKM)",
                   "Persentase Usaha Mikro yang Memenuhi Kualifikasi Standar Kompetensi Usaha",
                   "Persentase Usaha Mikro yang Menerapkan E-Comerce"]),
    ("C", 33, 37, ["Meningkatnya Skala Usaha Mikro", "PROGRAM PENGEMBANGAN UMKM",
                   "Persentase Usaha Mikro yang Skala Usahanya Bertambah"]),
    # SASARAN KEGIATAN (no box for the two kegiatan above rows 18-27)
    ("D", 6, 10, ["Terselenggaranya Pendidikan dan Pelatihan Perkeroperasian",
                  "Pendidikan dan latihan perkeroperasian bagi koperasi yang wilayah keanggotaan dalam Daerah "
                  "Kabupaten/ kota",
                  "Persentase Koperasi yang Memperoleh Pendidikan dan Pelatihan Perkeroperasian"]),
    ("D", 11, 17, ["Terselenggaranya Pemeriksaan dan Pengawasan Koperasi",
                   "Pemeriksaan dan pengawasan koperasi, koperasi simpan pinjam/unit simpan pinjam koperasi yang "
                   "wilayah keanggotaannya dalam Daerah Kabupaten/Kota",
                   "Persentase Koperasi Taat Peraturan"]),
    ("D", 28, 32, ["Terselenggaranya Pemberdayaan Melalui Kemitraan UMKM",
                   "Pemberdayaan usaha mikro yang dilakukan melalui pendataan, kemitraan, kemudahan perijinan, "
                   "penguatan kelembagaan dan koordinasi dengan para pemangku kepentingan",
                   "Persentase Usaha Mikro yang Bembitra"]),
    ("D", 33, 37, ["Terselenggaranya Pengembangan Usaha Mikro",
                   "Pengembangan usaha mikro dengan orientasi peningkatan skala usaha menjadi usaha kecil",
                   "Persentase Usaha Mikro yang Skala Usahanya Meningkat"]),
    # SASARAN SUB KEG: sub kegiatan name, tree sasaran, nomenclature sasaran, tree indicator,
    # nomenclature indicator (the second block: two tree sasaran sharing one sub kegiatan).
    ("E", 6, 10, ["Peningkatan Pemahaman dan Pengetahuan Perkeroperasian Serta Kapasitas dan Kompetensi SDM Koperasi",
                  "Terselenggaranya Pembinaan dan Penyuluhan Koperasi",
                  "Meningkatnya Pemahaman dan Pengetahuan Perkeroperasian serta Kapasitas dan Kompetensi SDM Koperasi",
                  "Jumlah Pembinaan dan Penyuluhan Koperasi",
                  "Jumlah SDM Yang memahami Pengetahuan Perkeroperasian"]),
    ("E", 11, 17, ["Pelaksanaan Proses Pemeriksaan dan Pengawasan Koperasi yang Wilayah Keanggotaannya Daerah Kabupaten/Kota",
                   "Terselenggaranya Pengawasan Koperasi",
                   "Terselenggaranya Pemeriksaan Kepatuhan Koperasi terhadap Peraturan",
                   "Pelaksanaan Proses Pemeriksaan dan Pengawasan Koperasi yang Wilayah Keanggotaannya Daerah Kabupaten/Kota",
                   "Jumlah Koperasi yang dilakukan Pengawasan",
                   "Jumlah Koperasi yang dilakukan Pemeriksaan Kepatuhan",
                   "Jumlah Koperasi yang telah dilakukan Pemeriksaan dan Pengawasan"]),
    ("E", 18, 22, ["Pemberdayaan kelembagaan potensi dan pengembangan usaha mikro",
                   "Terselenggaranya Pembinaan dan Penyuluhan Usaha Mikro",
                   "Terfasilitasinya Pemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro",
                   "Jumlah Pembinaan dan Penyuluhan Usaha Mikro",
                   "Jumlah unit Usaha yang telah menerima pembinaan dan pendampingan terhadap usaha mikro"]),
    ("E", 23, 27, ["Penyusunan Basis Data Usaha Mikro",
                   "Terselenggaranya pendataan UMKM",
                   "Terfasilitasinya Penyusunan Basis Data Usaha Mikro",
                   "Jumlah Usaha Mikro yang terdata",
                   "Jumlah Unit Usaha Mikro Terdata"]),
    ("E", 28, 32, ["Pemberdayaan melalui kemitraan usaha mikro",
                   "Terselenggaranya Kerjasama Kemitraan UMKM",
                   "Terfasilitasinya Pemberdayaan Melalui Kemitraan Usaha Mikro",
                   "Jumlah Usaha Mikro yang mendapatkan Fasilitas Kemitraan",
                   "Jumlah unit Usaha yang telah melaksanakan Kemitraan usaha mikro"]),
    ("E", 33, 37, ["Produksi dan Pengolahan, Pemasaran, Sumber Daya Manusia, serta Desain dan Teknologi",
                   "Terselenggaranya Fasilitas Usaha Mikro dalam Pengembangan Produksi dan Pengolahan, Pemasaran, SDM "
                   "serta Desain dan Teknologi",
                   "Terfasilitasinya Produksi dan Pengolahan, Pemasaran, Sumber Daya Manusia, Serta Desain dan Teknologi",
                   "Jumlah Usaha Mikro yang Mendapat Fasilitas Teknologi, Promosi dan Pemasaran",
                   "Jumlah Unit Usaha UMKM yang Mendapatkan Fasilitas Produksi dan Pengolahan, Pemasaran, Sumber Daya "
                   "Manusia, Serta Desain dan Teknologi"]),
    # The crosscutting block under the matrix, in the SASARAN SKPD column: CSF, then partner.
    ("B", 40, 41, ["Mudahnya Pengurusan Ijin Koperasi dan Usaha Mikro", "CROSCUTTING DINAS PMPTSP"]),
    ("B", 42, 43, ["Adanya kegiatan pengembangan pelatihan perkeroperasian dan UKM",
                   "CROSCUTTING BALAI DIKLAT KOPERASI DAN UKM"]),
    ("B", 44, 45, ["Mudahnya Jaringan Kemitraan", "CROSCUTTING BANK/LEMBAGA KEUANGAN/RETAIL MODERN"]),
    ("B", 46, 47, ["Kemudahan verifikasi dan validasi data UKM", "CROSCUTTING DESA"]),
    ("B", 48, 49, ["Mudahnya Penyediaan Pengadaan Barang Jasa untuk hibah bantuan UKM", "CROSCUTTING UKPBJ"]),
]


def cascading(wb):
    ws = wb.create_sheet("CASCADING")
    widths(ws, A=22, B=40, C=44, D=44, E=48)
    put(ws, "A1", "CASCADING", TITLE)
    put(ws, "A2", "DINAS KOPERASI USAHA KECIL MENENGAH DAN TENAGA KERJA URUSAN KOPERASI DAN USAHA KECIL MENENGAH", BOLD)
    table_row(ws, 4, CASCADING_HEADERS, BOLD, HEADER_FILL, WRAP_CENTER)
    table_row(ws, 5, CASCADING_JOBS, BOLD, HEADER_FILL, WRAP_CENTER)
    for column, first, last, lines in CASCADING_BOXES:
        for index, line in enumerate(lines):
            put(ws, f"{column}{first + index}", line, BOLD if index == 0 else None, BOX, WRAP)
        end = first + len(lines) - 1
        if last > end:
            ws.merge_cells(f"{column}{end}:{column}{last}")
            frame(ws, f"{column}{end}:{column}{last}")
    put(ws, "B39", "Crosscutting", ITALIC_BOLD)


# MARK: - Writing

def build():
    wb = Workbook()
    wb.remove(wb.active)
    tahap1(wb)
    tahap2(wb)
    tahap3(wb)
    tahap4(wb)
    tahap5(wb)
    pohon(wb)
    cascading(wb)
    props = wb.properties
    props.creator = "DKUKMPP"
    props.lastModifiedBy = "DKUKMPP"
    props.title = "Pohon Kinerja dan Cascading DKUKMPP"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    for ws in wb.worksheets:
        fit_rows(ws)
    wb.active = 0
    return wb


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUTPUT
    build().save(output)
    normalise_zip(output, FIXED_TIME)
    print(output)


if __name__ == "__main__":
    main()
