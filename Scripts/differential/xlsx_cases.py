#!/usr/bin/env python3
"""Seeded random workbooks for the differential test of pokin's XLSX reader.

    python3 Scripts/differential/xlsx_cases.py --seed 20260612 --cases 300 --out DIR [--only 17]

Writes DIR/case-0017-xlsxwriter-inline.xlsx and so on, and DIR/reference.json: for every
file, python-calamine's reading in the format of ../shared/corpus/peers/expected/README.md
(the reference reader of the peer-corpus conformance test, error cells taken from openpyxl
as there), plus the values the generator meant to write ("written", for failure messages).

Every case is generated from random.Random(f"{seed}:{case}"), so case 17 is the same file
whatever --cases is, and --only 17 remakes it alone.

Writers and what each one allows (the generator asks each only for what it can write):
  openpyxl            inline strings (openpyxl 3.1 writes every text as t="inlineStr", checked
                      in its cell/_writer.py); sometimes iso_dates (t="d" cells); refuses the
                      control characters XML 1.0 forbids (IllegalCharacterError), so its texts
                      hold only TAB, LF and CR; writes a literal "_x0041_" unescaped (readers
                      then decode it, as Excel does), so those texts are not given to it.
  xlsxwriter          shared strings (t="s", the only writer here that uses them); escapes
                      control characters as _xHHHH_ (CR too) and a literal _xHHHH_ as
                      _x005F_xHHHH_, but not in a formula's cached text result
                      (<v> of t="str"), where a control character would make invalid XML, so
                      those results hold none (a literal _xHHHH_ there is left as written).
                      Numbers are written with %.16G (openpyxl: %.16g), so 17-digit values are
                      rounded by the writer: both readers read the same file.
  xlsxwriter-inline   constant_memory mode: inline strings (t="inlineStr"), rows written in
                      order, so a merged range spans one row only.
Both xlsxwriter modes also write rich text (runs of bold, italic, coloured text, some with
edge whitespace) and formulas with cached number, text, boolean and error results.
"""
import argparse, datetime, json, math, os, random, struct, sys, warnings

warnings.filterwarnings("ignore")

WRITERS = ["openpyxl", "xlsxwriter", "xlsxwriter-inline"]

INDONESIAN = [
    "Meningkatnya", "kualitas", "pelayanan", "kesehatan", "masyarakat", "Kabupaten", "Sleman",
    "Persentase", "capaian", "indikator", "kinerja", "Dinas", "Pendidikan", "Sasaran", "Strategis",
    "Program", "Kegiatan", "Sub Kegiatan", "Tujuan", "Pohon Kinerja", "Badan", "Perencanaan",
    "Pembangunan", "Daerah", "tahun", "anggaran", "Rp", "Pemerintah", "Desa", "Kecamatan",
    "ketahanan", "pangan", "angka", "kemiskinan", "IPM", "RPJMD", "Renstra", "Bappeda", "SKPD",
]
UNICODE_PIECES = [
    "é", "ñ", "ü", "ß", "中文", "日本語", "Ελληνικά", "мир", "مرحبا", "עברית", "ก", "ॐ",
    "📈", "🌾", "🏥", "🇮🇩", "👨‍👩‍👧", "😀", "𝔸", "𠀋",      # astral plane, ZWJ and flag sequences
    "e\u0301", "\u00a0", "\u200b", "\u2028", "\ufeff", "½", "²", "€", "Rp 1.500.000,00",
]
ASCII_PIECES = ["<", ">", "&", '"', "'", "=", "+", "-", "@", "#", "%", ";", ",", "|", "\\", "/", "1", "2,5", "0.7", "TRUE", "#N/A", "=SUM(A1)"]
ESCAPE_LOOKALIKES = ["_x0041_", "_x000D_", "_x005F_", "_xD83D_", "_x", "x0041_"]
XML_FORBIDDEN = [chr(c) for c in list(range(0x01, 0x09)) + [0x0B, 0x0C] + list(range(0x0E, 0x20))]
SHEET_WORDS = ["Capaian", "Rencana", "Sasaran", "Data", "Lampiran", "Renstra 2025", "Pohon Kinerja", "Tahun 2024",
               "Indikator (IKU)", "Dinas Kesehatan", "Anggaran & Realisasi", "Kode-01", "Bidang 'A' Utama", "Ringkasan",
               "Δ Perubahan", "进度", "Kinerja 📈", "Sheet1", "Sheet 2", "Daftar", "RPJMD"]
ERRORS = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"]

SPECIAL_NUMBERS = [
    0.0, -0.0, 1.0, -1.0, 0.1, 0.1 + 0.2, 1 / 3, 2 / 3, math.pi, math.e, 1e-300, -1e-300, 1e308, -1e308,
    1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, 4.9406564584124654e-324, 1e-7, 1e15, 1e16, 1e21,
    123456789012345.67, 0.30000000000000004, 9.999999999999999e22, 1.0000000000000002, 0.9999999999999999,
    2 ** 53 - 1, 2 ** 53, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 63, 2 ** 31, -(2 ** 31), 12345678901234567890,
    99999999999999999, 1234.5678, -1234.5678, 3.14159265358979, 6.02214076e23, 1.602176634e-19,
]


def text_value(rng, writer):
    """A random text; what each writer can write (see the module docstring)."""
    kind = rng.random()
    if kind < 0.01:  # a long text, up to Excel's 32,767 characters
        words, total = [], 0
        length = rng.choice([300, 2000, 8000, 32000])
        while total < length:
            words.append(rng.choice(INDONESIAN + UNICODE_PIECES[:6]))
            total += len(words[-1]) + 1
        return " ".join(words)[:length]
    pieces = []
    for _ in range(rng.randint(1, 6)):
        r = rng.random()
        if r < 0.5:
            pieces.append(rng.choice(INDONESIAN))
        elif r < 0.7:
            pieces.append(rng.choice(UNICODE_PIECES))
        elif r < 0.8:
            pieces.append(rng.choice(ASCII_PIECES))
        elif r < 0.88:
            pieces.append(rng.choice(["\t", "\n", "\r\n", "\r", "  "]))
        elif r < 0.94 and writer not in ("openpyxl", "formula"):
            pieces.append(rng.choice(XML_FORBIDDEN))
        elif r < 0.97 and writer != "openpyxl":
            pieces.append(rng.choice(ESCAPE_LOOKALIKES))
        else:
            pieces.append(str(rng.randint(0, 10 ** rng.randint(1, 12))))
        pieces.append(rng.choice([" ", " ", "", "-", "/"]))
    text = "".join(pieces)
    edge = rng.random()
    if edge < 0.1:
        text = rng.choice([" ", "  ", "\t", "\n", " \n "]) + text
    elif edge < 0.2:
        text = text + rng.choice([" ", "   ", "\t", "\n", "\r\n"])
    elif edge < 0.23:
        text = rng.choice([" ", "   ", "\t", "\n", " \t "])  # whitespace only
    return text or "x"


def number_value(rng):
    r = rng.random()
    if r < 0.3:
        value = rng.choice(SPECIAL_NUMBERS)
        return float(value) if rng.random() < 0.5 or abs(value) > 2 ** 63 else value
    if r < 0.5:  # any finite double, from random bits
        while True:
            value = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
            if math.isfinite(value):
                return value
    if r < 0.7:
        return rng.randint(-10 ** rng.randint(1, 15), 10 ** rng.randint(1, 15))
    if r < 0.85:
        return round(rng.uniform(-1e6, 1e6), rng.randint(0, 6))
    return rng.uniform(-1, 1) * 10 ** rng.randint(-20, 20)


def datetime_value(rng, date1904):
    low = datetime.datetime(1904, 1, 1) if date1904 else datetime.datetime(1900, 1, 1)
    r = rng.random()
    if r < 0.15:  # edges of the date systems and of the 1900 leap-year bug
        edges = [datetime.datetime(1904, 1, 1), datetime.datetime(1904, 1, 2, 12), datetime.datetime(1970, 1, 1),
                 datetime.datetime(2000, 2, 29), datetime.datetime(9999, 12, 31), datetime.datetime(9999, 12, 31, 23, 59, 59),
                 datetime.datetime(2024, 12, 31, 23, 59, 59), datetime.datetime(2038, 1, 19, 3, 14, 7)]
        if not date1904:
            edges += [datetime.datetime(1900, 1, 1), datetime.datetime(1900, 2, 28), datetime.datetime(1900, 3, 1),
                      datetime.datetime(1900, 1, 1, 6), datetime.datetime(1900, 2, 28, 23, 59, 59)]
        return rng.choice(edges)
    span = (datetime.datetime(9999, 12, 31) - low).days
    day = low + datetime.timedelta(days=rng.randint(0, span) if rng.random() < 0.3 else rng.randint(
        (datetime.datetime(1990, 1, 1) - low).days, (datetime.datetime(2040, 1, 1) - low).days))
    if rng.random() < 0.3:
        return day
    seconds = rng.randint(0, 86399)
    millis = rng.choice([0, 0, 0, rng.randint(0, 999) * 1000])
    return day + datetime.timedelta(seconds=seconds, microseconds=millis)


def cell_value(rng, writer, date1904):
    """(kind, value): text, number, bool, datetime, date, time, duration, error, formula-*."""
    r = rng.random()
    if r < 0.42:
        return ("text", text_value(rng, writer))
    if r < 0.7:
        return ("number", number_value(rng))
    if r < 0.75:
        return ("bool", rng.random() < 0.5)
    if r < 0.85:
        return ("datetime", datetime_value(rng, date1904))
    if r < 0.88:
        return ("date", datetime_value(rng, date1904).date())
    if r < 0.91:
        return ("time", datetime.time(rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)))
    if r < 0.94:
        return ("duration", datetime.timedelta(seconds=rng.randint(0, 400 * 3600), microseconds=0))
    if r < 0.96:
        return ("error", rng.choice(ERRORS))
    if writer != "openpyxl" and r < 0.975:  # rich text: runs of differently formatted text, edge spaces in runs
        runs = [text_value(rng, writer) for _ in range(rng.randint(2, 4))]
        return ("rich", [run if rng.random() < 0.7 else rng.choice([" ", "  ", "\n"]) + run + " " for run in runs])
    if writer != "openpyxl":  # only xlsxwriter writes a formula with its cached value
        # xlsxwriter writes a formula's text result without escaping control characters, which
        # makes the sheet invalid XML (libxml2 refuses it), so those results hold none.
        return rng.choice([("formula-number", number_value(rng)), ("formula-text", text_value(rng, "formula")),
                           ("formula-bool", rng.random() < 0.5), ("formula-error", rng.choice(ERRORS))])
    return ("text", text_value(rng, writer))


def sheet_names(rng, count):
    names = []
    while len(names) < count:
        name = rng.choice(SHEET_WORDS)
        if rng.random() < 0.3:
            name = f"{name} {rng.randint(1, 99)}"  # (never ending in an apostrophe: xlsxwriter refuses it)
        name = name[:31]
        if name.lower() not in (n.lower() for n in names):
            names.append(name)
    return names


def layout(rng, writer):
    """Cell positions (0-based row, column) of one sheet: dense block, sparse scatter or both;
    sometimes moved to the sheet's far corner (XFD1048576). python-calamine holds a sheet as one
    dense rectangle from its first to its last cell, so the cells stay within a few thousand rows
    and a few dozen columns of each other."""
    r = rng.random()
    positions = set()
    if r < 0.4 or r >= 0.8:  # dense block
        top, left = rng.choice([0, 0, rng.randint(0, 50)]), rng.choice([0, 0, rng.randint(0, 20)])
        rows, cols = rng.randint(1, 60), rng.randint(1, 12)
        for i in range(rows):
            for j in range(cols):
                if rng.random() < 0.9:
                    positions.add((top + i, left + j))
    if r >= 0.4:  # sparse
        for _ in range(rng.randint(1, 40)):
            positions.add((rng.randint(0, 2000), rng.randint(0, 60)))
    if rng.random() < 0.1:  # the far corner: the last cell lands on or near XFD1048576
        bottom, right = max(p[0] for p in positions), max(p[1] for p in positions)
        down, across = 1048575 - bottom - rng.choice([0, 0, 3]), 16383 - right - rng.choice([0, 0, 2])
        positions = {(row + down, col + across) for (row, col) in positions}
    return positions


def merges(rng, positions, writer):
    """Non-overlapping merged ranges anchored at some filled cells (one row only for constant_memory)."""
    taken = set()
    ranges = []
    for (row, col) in sorted(positions):
        if len(ranges) >= 6 or rng.random() > 0.05 or (row, col) in taken:
            continue
        height = 1 if writer == "xlsxwriter-inline" else rng.randint(1, 4)
        width = rng.randint(1, 4)
        if height == 1 and width == 1:
            width = 2
        if row + height > 1048576 or col + width > 16384:
            continue
        area = {(row + i, col + j) for i in range(height) for j in range(width)}
        if area & taken:
            continue
        taken |= area
        ranges.append((row, col, row + height - 1, col + width - 1))
    return ranges


def make_case(seed, case):
    rng = random.Random(f"{seed}:{case}")
    writer = WRITERS[case % len(WRITERS)]
    date1904 = rng.random() < 0.35
    iso_dates = writer == "openpyxl" and rng.random() < 0.25
    sheets = []
    for index, name in enumerate(sheet_names(rng, rng.randint(1, 4))):
        positions = layout(rng, writer)
        ranges = merges(rng, positions, writer)
        covered = {(r, c) for (r0, c0, r1, c1) in ranges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - \
                  {(r0, c0) for (r0, c0, _, _) in ranges}
        cells = {pos: cell_value(rng, writer, date1904) for pos in sorted(positions) if pos not in covered}
        state = "visible" if index == 0 else rng.choice(["visible"] * 6 + ["hidden", "veryhidden"])
        sheets.append({"name": name, "cells": cells, "merged": ranges, "state": state})
    return {"writer": writer, "date1904": date1904, "iso_dates": iso_dates, "sheets": sheets}


# MARK: writing

NUMBER_FORMATS = {"datetime": "yyyy-mm-dd hh:mm:ss", "date": "yyyy-mm-dd", "time": "hh:mm:ss", "duration": "[h]:mm:ss"}


def excel_value(kind, value):
    """The value a writer is handed: datetimes as such, date-only as a midnight datetime."""
    if kind == "date":
        return datetime.datetime(value.year, value.month, value.day)
    return value


def write_openpyxl(spec, path):
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if spec["date1904"]:
        wb.epoch = CALENDAR_MAC_1904
    wb.iso_dates = spec["iso_dates"]
    for sheet in spec["sheets"]:
        ws = wb.create_sheet(sheet["name"])
        ws.sheet_state = {"veryhidden": "veryHidden"}.get(sheet["state"], sheet["state"])
        for (row, col), (kind, value) in sheet["cells"].items():
            cell = ws.cell(row=row + 1, column=col + 1)
            if kind == "error":
                cell.value = value
                cell.data_type = "e"
            elif kind == "text":
                cell.value = value
                cell.data_type = "s"  # "=SUM(A1)" and "#N/A" stay text
            else:
                cell.value = excel_value(kind, value)
                if kind in NUMBER_FORMATS:
                    cell.number_format = NUMBER_FORMATS[kind]
        for (r0, c0, r1, c1) in sheet["merged"]:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    wb.save(path)


def write_xlsxwriter(spec, path, constant_memory):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path, {"constant_memory": constant_memory, "date_1904": spec["date1904"],
                                    "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False})
    formats = {kind: wb.add_format({"num_format": fmt}) for kind, fmt in NUMBER_FORMATS.items()}
    rich_formats = [wb.add_format({"bold": True}), wb.add_format({"italic": True, "font_color": "red"}),
                    wb.add_format({"font_name": "Arial Unicode MS", "underline": 1})]
    for sheet in spec["sheets"]:
        ws = wb.add_worksheet(sheet["name"])
        if sheet["state"] == "hidden":
            ws.hide()
        elif sheet["state"] == "veryhidden":
            ws.very_hidden()
        anchors = {(r0, c0): (r0, c0, r1, c1) for (r0, c0, r1, c1) in sheet["merged"]}
        for (row, col), (kind, value) in sorted(sheet["cells"].items()):
            if (row, col) in anchors:
                r0, c0, r1, c1 = anchors.pop((row, col))
                if kind in ("text", "number", "bool"):
                    ws.merge_range(r0, c0, r1, c1, "", None)
                else:
                    ws.merge_range(r0, c0, r1, c1, "", formats.get(kind))
            if kind == "text":
                ws.write_string(row, col, value)
            elif kind == "number":
                ws.write_number(row, col, value)
            elif kind == "bool":
                ws.write_boolean(row, col, value)
            elif kind in NUMBER_FORMATS:
                ws.write_datetime(row, col, value, formats[kind])
            elif kind == "error":
                ws.write_formula(row, col, "=NA()" if value == "#N/A" else "=1/0", None, value)
            elif kind == "rich":
                parts = []
                for index, run in enumerate(value):
                    parts += [rich_formats[index % len(rich_formats)], run]
                ws.write_rich_string(row, col, *parts)
            elif kind == "formula-number":
                ws.write_formula(row, col, "=0+0", None, value)
            elif kind == "formula-text":
                ws.write_formula(row, col, '=""', None, value)
            elif kind == "formula-bool":
                ws.write_formula(row, col, "=TRUE()", None, value)
            elif kind == "formula-error":
                ws.write_formula(row, col, "=1/0", None, value)
    wb.close()


# MARK: reading (the reference: python-calamine, error cells from openpyxl, as the corpus's dump_expected.py)

def col_letters(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(r, c):
    return f"{col_letters(c)}{r + 1}"


def typed(v):
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return ["b", v]
    if isinstance(v, (int, float)):
        if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
            return ["n", str(v)]
        return ["n", v]
    if isinstance(v, datetime.datetime):
        return ["d", v.isoformat(timespec="seconds") if not v.microsecond else v.isoformat()]
    if isinstance(v, datetime.date):
        return ["d", v.isoformat() + "T00:00:00"]
    if isinstance(v, datetime.time):
        return ["d", v.isoformat()]
    if isinstance(v, datetime.timedelta):
        return ["duration", v.total_seconds()]
    return ["s", str(v)]


def calamine_dump(path):
    import python_calamine as pc
    wb = pc.CalamineWorkbook.from_path(path)
    sheets = []
    for meta in wb.sheets_metadata:
        ws = wb.get_sheet_by_name(meta.name)
        r0, c0 = ws.start if ws.start is not None else (0, 0)
        cells = []
        for i, row in enumerate(ws.to_python(skip_empty_area=True)):
            for j, v in enumerate(row):
                t = typed(v)
                if t is not None:
                    cells.append([ref(r0 + i, c0 + j)] + t)
        merged = [f"{ref(*a)}:{ref(*b)}" for (a, b) in (ws.merged_cell_ranges or [])]
        sheets.append({"name": meta.name, "visible": str(meta.visible).split(".")[-1].lower(),
                       "cells": cells, "merged": sorted(merged)})
    return sheets


def add_openpyxl_errors(path, sheets):
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=False, data_only=True)
    for sheet in sheets:
        ws = wb[sheet["name"]]
        have = {c[0] for c in sheet["cells"]}
        for c in ws._cells.values():
            if c.data_type == "e" and c.value is not None and c.coordinate not in have:
                sheet["cells"].append([c.coordinate, "e", str(c.value)])


def written(spec):
    """What the generator handed the writer, per sheet and cell (for failure messages)."""
    out = {}
    for sheet in spec["sheets"]:
        cells = {}
        for (row, col), (kind, value) in sheet["cells"].items():
            if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
                value = str(value)
            elif kind == "rich":
                value = "".join(value)
            cells[ref(row, col)] = [kind, value]
        out[sheet["name"]] = cells
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--only", type=int, action="append", help="make only these cases (repeatable)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    reference = {}
    for case in (args.only or range(args.cases)):
        spec = make_case(args.seed, case)
        name = f"case-{case:04d}-{spec['writer']}.xlsx"
        path = os.path.join(args.out, name)
        if spec["writer"] == "openpyxl":
            write_openpyxl(spec, path)
        else:
            write_xlsxwriter(spec, path, spec["writer"] == "xlsxwriter-inline")
        entry = {"case": case, "writer": spec["writer"], "date1904": spec["date1904"], "iso_dates": spec["iso_dates"],
                 "written": written(spec)}
        try:
            entry["sheets"] = calamine_dump(path)
            add_openpyxl_errors(path, entry["sheets"])
        except BaseException as error:  # the reference refused a valid file: the test reports it
            entry["error"] = f"{type(error).__name__}: {str(error)[:300]}"
        reference[name] = entry
    with open(os.path.join(args.out, "reference.json"), "w", encoding="utf-8") as handle:
        json.dump(reference, handle, ensure_ascii=False)


if __name__ == "__main__":
    main()
