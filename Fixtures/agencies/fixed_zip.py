"""Shared by the fixture generators (`*/make-workbook.py`): makes a written workbook's bytes
depend only on its content, so regenerating a fixture gives the committed file again."""

import os
import re
import zipfile

_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def normalise_zip(path, fixed_time):
    """Rewrites the archive at `path` with every entry stamped `fixed_time` (a datetime) and the
    document's modified date, which openpyxl replaces with the clock on save, set to it too."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    stamp = fixed_time.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    temporary = path + ".tmp"
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=fixed_time.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)
    os.replace(temporary, path)
