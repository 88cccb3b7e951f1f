"""Sets cells of an exported Infoklass workbook the way a person would, with openpyxl.
Usage: IN OUT [SHEET KEY_HEADER KEY HEADER VALUE]... finds the row whose KEY_HEADER column
holds KEY and writes VALUE under HEADER (an empty VALUE empties the cell).
With --v1 first, the workbook is turned into format version 1 (no exported values)."""
import sys

import openpyxl

HEADER_ROW = 4  # 1-based row of the column headers

args = sys.argv[1:]
v1 = args and args[0] == "--v1"
if v1:
    args = args[1:]
src, dst, edits = args[0], args[1], args[2:]


def column(ws, name):
    for cell in ws[HEADER_ROW]:
        if cell.value == name:
            return cell.column
    raise SystemExit(f"no column {name!r} in {ws.title}")


wb = openpyxl.load_workbook(src)
for i in range(0, len(edits), 5):
    sheet, key_header, key, header, value = edits[i:i + 5]
    ws = wb[sheet]
    key_col = column(ws, key_header)
    row = next((r for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, key_col).value == key), None)
    if row is None:
        raise SystemExit(f"no row {key!r} in {sheet}")
    ws.cell(row, column(ws, header)).value = value or None

if v1:
    meta = wb["_meta"]
    for r in range(1, meta.max_row + 1):
        if meta.cell(r, 1).value == "format_version":
            meta.cell(r, 2).value = "1"
    del wb["_exporterat"]
wb.save(dst)
