// Real workbooks for the import flows: the ISAK samples of crates/isak/tests/fixtures, and
// variants of the xlsx sample made by editing its sheet XML (a level word, a note beside the
// form, another object) and zipping it again with Debian's zip/unzip, in a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../crates/isak/tests/fixtures');
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLS = 'application/vnd.ms-excel';

/** A file for setInputFiles. */
export const upload = (name, buffer, mimeType = XLSX) => ({ name, mimeType, buffer });

/** A shipped ISAK sample as it is, under the given file name. */
export function sample(fixture, name = fixture) {
  return upload(name, readFileSync(join(FIXTURES, fixture)), fixture.endsWith('.xls') ? XLS : XLSX);
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const textCell = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;

/**
 * A copy of an xlsx workbook with cells of one sheet (e.g. `xl/worksheets/sheet2.xml`) changed:
 * `cells` maps a cell reference to a new text or number; an existing cell is replaced, a new
 * one is added at the end of its row (or in a new last row; give a new row's cells in order).
 */
export function editWorkbook(name, buffer, sheetPath, cells) {
  const dir = mkdtempSync(join(tmpdir(), 'infoklass-ui-'));
  try {
    writeFileSync(join(dir, 'in.xlsx'), buffer);
    execFileSync('unzip', ['-q', join(dir, 'in.xlsx'), '-d', join(dir, 'x')]);
    const sheet = join(dir, 'x', sheetPath);
    let xml = readFileSync(sheet, 'utf8');
    for (const [ref, value] of Object.entries(cells)) {
      const cell = typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : textCell(ref, value);
      const existing = new RegExp(`<c r="${ref}"(?: [^>]*?)?(?:/>|>.*?</c>)`);
      if (existing.test(xml)) {
        xml = xml.replace(existing, cell);
      } else {
        const row = /\d+$/.exec(ref)[0];
        const rowEnd = new RegExp(`(<row r="${row}"[^>]*>.*?)(</row>)`);
        // A row below the last one is added at the end of the sheet.
        if (rowEnd.test(xml)) xml = xml.replace(rowEnd, `$1${cell}$2`);
        else xml = xml.replace('</sheetData>', `<row r="${row}">${cell}</row></sheetData>`);
      }
    }
    writeFileSync(sheet, xml);
    execFileSync('zip', ['-q', '-X', '-r', join(dir, 'out.xlsx'), '.'], { cwd: join(dir, 'x') });
    return upload(name, readFileSync(join(dir, 'out.xlsx')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * journalsystem.xlsx (object "Vårdinformationssystem (journal)", five sets at ISAK K 4 3 2 3 1,
 * R 4 4 3 4 2, T 4 4 3 2 1 in D13:F17, the object's name in B3) with cells of its Klassning
 * sheet changed.
 */
export function journalVariant(name, cells) {
  return editWorkbook(name, readFileSync(join(FIXTURES, 'journalsystem.xlsx')), 'xl/worksheets/sheet2.xml', cells);
}
