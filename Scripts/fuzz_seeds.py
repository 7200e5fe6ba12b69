#!/usr/bin/env python3
"""Builds the seed inputs of one fuzz target (Scripts/fuzz.sh TARGET): usage
fuzz_seeds.py TARGET OUT_DIR MAX_LEN. Seeds come from Fuzz/seeds/TARGET,
Fixtures/fuzz-regressions/TARGET, the project's Fixtures/ and, when present, the peer corpus
../shared/corpus/peers ($POKIN_PEER_CORPUS overrides the place). Nothing here is committed: the seeds are rebuilt on every run."""
import hashlib
import os
import sys
import zipfile

target, out, max_len = sys.argv[1], sys.argv[2], int(sys.argv[3])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sources = [os.path.join(root, "Fixtures"), os.path.join(root, "Mappings"),
           os.environ.get("POKIN_PEER_CORPUS") or os.path.join(os.path.dirname(root), "shared", "corpus", "peers")]


def files(*suffixes):
    for base in sources:
        for folder, _, names in os.walk(base):
            if "fuzz-regressions" in folder:
                continue
            for name in sorted(names):
                if name.lower().endswith(suffixes):
                    yield os.path.join(folder, name)


count = 0


def keep(data):
    global count
    if 0 < len(data) <= max_len:
        with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as handle:
            handle.write(data)
        count += 1


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


for folder in (os.path.join(root, "Fuzz", "seeds", target), os.path.join(root, "Fixtures", "fuzz-regressions", target)):
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            keep(read(os.path.join(folder, name)))

if target in ("xlsx", "zip", "convert"):
    for path in files(".xlsx", ".xlsm", ".zip"):
        keep(read(path))
elif target in ("sheet-xml", "sheet-xml-events", "shared-strings"):
    for path in files(".xlsx", ".xlsm"):
        try:
            with zipfile.ZipFile(path) as book:
                for name in book.namelist():
                    wanted = name.startswith("xl/worksheets/") and name.endswith(".xml") if target.startswith("sheet-xml") \
                        else name.lower().endswith("sharedstrings.xml")
                    if wanted:
                        keep(book.read(name))
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
            pass
elif target == "csv":
    # The first byte chooses the reader's options (Fuzz/Targets/csv): 0 detects everything.
    for path in files(".csv", ".tsv", ".txt", ".tab"):
        data = read(path)
        for mode in (0x00, 0x41, 0x88):
            keep(bytes([mode]) + data)
elif target == "mapping":
    for path in files(".yaml", ".yml"):
        keep(read(path))

print(f"fuzz_seeds.py: {count} seeds for {target}", file=sys.stderr)
