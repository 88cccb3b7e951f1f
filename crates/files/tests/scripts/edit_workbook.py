"""Edits an exported Infoklass workbook the way a person would in a spreadsheet program,
using openpyxl (another program than ours): one level, one self-assessment answer, one risk
probability, and a new information set in the first spare row. Usage: IN OUT."""
import sys

import openpyxl

HEADER_ROW = 4  # 1-based row of the column headers


def column(ws, name):
    for cell in ws[HEADER_ROW]:
        if cell.value == name:
            return cell.column
    raise SystemExit(f"no column {name!r} in {ws.title}")


wb = openpyxl.load_workbook(sys.argv[1])

sets = wb["Klassning"]
sets.cell(HEADER_ROW + 1, column(sets, "K")).value = 2
spare = HEADER_ROW + 1
while sets.cell(spare, column(sets, "Informationsmängd")).value:
    spare += 1
sets.cell(spare, column(sets, "Informationsmängd")).value = "Kundregister"
for aspect, level in zip("KRTS", (1, 2, 1, 1)):
    sets.cell(spare, column(sets, aspect)).value = level
    sets.cell(spare, column(sets, "Motivering " + aspect)).value = "Tillagd i kalkylprogrammet."

reqs = wb["Krav"]
reqs.cell(HEADER_ROW + 1, column(reqs, "Självskattning")).value = "Delvis uppfyllt"

risks = wb["Riskanalys"]
risks.cell(HEADER_ROW + 1, column(risks, "Sannolikhet")).value = 4

wb.save(sys.argv[2])
