#!/usr/bin/env python3
"""Seeded random CSV files for the differential test of pokin's CSV reader.

    python3 Scripts/differential/csv_cases.py --seed 20260612 --cases 400 --out DIR [--only 17]

Writes DIR/case-0017-writer-semicolon.csv and so on, and DIR/reference.json: for every file
Python's csv module's reading (csv.reader over the file opened with newline="" and
encoding "utf-8-sig", so a byte order mark is not part of the first field), the delimiter
it was read with, and whether detecting the delimiter is unambiguous for the file.

Every case comes from random.Random(f"{seed}:{case}"), so case 17 is the same file whatever
--cases is, and --only 17 remakes it alone.

Two makers:
  writer  csv.writer with a random delimiter (, ; TAB), quoting (minimal, all, nonnumeric) and
          line terminator (CRLF, LF, CR); fields with embedded delimiters, quotes, CR, LF, edge
          whitespace, emoji and Indonesian text; ragged rows; sometimes a UTF-8 byte order mark;
          sometimes a field longer than the reader's 64 KiB chunk.
  hand    what csv.writer never writes: a quote inside an unquoted field, text after a closing
          quote, mixed line ends in one file, blank lines, no line end after the last record,
          spaces before an opening quote.

Detection is called unambiguous when the file has no byte of another candidate delimiter
(, ; TAB |) anywhere and every record has the same number (two or more) of fields: then no
other candidate splits any record. Those files are also read with the delimiter detected.
"""
import argparse, csv, io, json, os, random, sys

DELIMITERS = [",", ";", "\t"]
CANDIDATES = [",", ";", "\t", "|"]
NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
WORDS = ["Meningkatnya", "kualitas", "pelayanan", "kesehatan", "masyarakat", "Kabupaten Sleman", "Persentase",
         "capaian", "indikator", "kinerja", "Dinas Pendidikan", "Sasaran Strategis", "Program", "Kegiatan",
         "Rp 1.500.000", "1,5", "2.500,75", "-3", "100%", "Tahun 2024", "IKU", "RPJMD"]
UNICODE = ["é", "ñ", "中文", "мир", "مرحبا", "📈", "🌾", "🇮🇩", "👨‍👩‍👧", "𝔸", "e\u0301", "\u00a0", "\u200b", "\u2028", "½", "€"]
SPECIAL = [",", ";", "\t", "|", '"', '""', "\r", "\n", "\r\n", " ", "  ", "'", "=", "#", "\\", "\x00", "\x01", "\x1f", "\x7f", "\ufeff"]


def field(rng, alphabet_special):
    r = rng.random()
    if r < 0.12:
        return ""
    if r < 0.122:  # longer than the reader's 64 KiB chunk
        words, total = [], 0
        while total < 70_000:  # with quotes and line breaks, some of which land on the chunk boundary
            words.append(rng.choice(WORDS + UNICODE) if rng.random() < 0.97 or not alphabet_special else rng.choice(alphabet_special))
            total += len(words[-1].encode()) + 1
        return " ".join(words)
    pieces = []
    for _ in range(rng.randint(1, 5)):
        p = rng.random()
        if p < 0.5:
            pieces.append(rng.choice(WORDS))
        elif p < 0.7:
            pieces.append(rng.choice(UNICODE))
        elif alphabet_special:
            pieces.append(rng.choice(alphabet_special))
        else:
            pieces.append(str(rng.randint(0, 99999)))
    text = "".join(pieces)
    if rng.random() < 0.1:
        text = " " + text
    if rng.random() < 0.1:
        text = text + " "
    return text


def by_writer(rng, detectable):
    delimiter = rng.choice(DELIMITERS)
    if detectable:
        special = [s for s in SPECIAL if s not in CANDIDATES and s != "|"]
    else:
        special = SPECIAL
    width = rng.randint(2 if detectable else 1, 7)
    rows = []
    for _ in range(rng.randint(0 if not detectable else 1, 30)):
        count = width if detectable or rng.random() < 0.8 else rng.randint(1, width + 3)
        rows.append([field(rng, special) for _ in range(count)])
    if detectable:  # a record of empty fields would be a blank line, which has no fields
        rows = [row if any(row) else ["x"] + row[1:] for row in rows]
    quoting = rng.choice([csv.QUOTE_MINIMAL, csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC])
    terminator = rng.choice(["\r\n", "\n", "\r"])
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=terminator)
    writer.writerows(rows)
    return delimiter, out.getvalue()


def by_hand(rng, detectable):
    delimiter = rng.choice(DELIMITERS)
    ends = ["\r\n", "\n", "\r"]
    width = rng.randint(2, 5)
    lines = []
    for _ in range(rng.randint(1, 20)):
        if not detectable and rng.random() < 0.08:
            lines.append("")  # a blank line
            continue
        count = width if detectable or rng.random() < 0.8 else rng.randint(1, width + 2)
        fields = []
        for _ in range(count):
            word = rng.choice(WORDS + UNICODE)
            if detectable:
                word = "".join(ch for ch in word if ch not in CANDIDATES) or "x"
            kind = rng.random()
            if kind < 0.35:
                fields.append(word)
            elif kind < 0.5:
                fields.append(word + '"' + rng.choice(["", "x", '"']))  # a quote inside an unquoted field
            elif kind < 0.65:
                inner = word + rng.choice(['""', "\r\n", "\n", "\r", "", " "]) + (delimiter if not detectable else "")
                fields.append('"' + inner + '"' + rng.choice(["z", " ", "", ""]))  # text after the closing quote
            elif kind < 0.75:
                fields.append(" " + '"' + word + '"')  # a space before the quote: the quote is content
            elif kind < 0.85:
                fields.append("")
            else:
                fields.append('""')
        if detectable and all(f in ("", '""') for f in fields):
            fields[0] = "x"
        lines.append(delimiter.join(fields))
    text = ""
    for index, line in enumerate(lines):
        text += line
        if index < len(lines) - 1 or rng.random() < 0.6:
            text += rng.choice(ends)  # mixed line ends; sometimes none after the last record
    return delimiter, text


def unambiguous(text, delimiter, rows):
    if any(c in text for c in CANDIDATES if c != delimiter):
        return False
    widths = {len(row) for row in rows}
    return len(rows) > 0 and len(widths) == 1 and widths.pop() >= 2 and not text.lstrip("\ufeff").lower().startswith("sep=")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--only", type=int, action="append", help="make only these cases (repeatable)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    reference = {}
    for case in (args.only or range(args.cases)):
        rng = random.Random(f"{args.seed}:{case}")
        maker = "hand" if case % 3 == 2 else "writer"
        detectable = rng.random() < 0.4
        delimiter, text = (by_hand if maker == "hand" else by_writer)(rng, detectable)
        bom = rng.random() < 0.2
        name = f"case-{case:04d}-{maker}-{NAMES[delimiter]}.csv"
        path = os.path.join(args.out, name)
        with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
            handle.write(text)
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=delimiter, strict=False))
        reference[name] = {"case": case, "maker": maker, "delimiter": delimiter, "bom": bom, "rows": rows,
                           "detectable": unambiguous(text, delimiter, rows)}
    with open(os.path.join(args.out, "reference.json"), "w", encoding="utf-8") as handle:
        json.dump(reference, handle, ensure_ascii=False)


if __name__ == "__main__":
    main()
