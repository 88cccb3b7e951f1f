// End-to-end: a batch import in the real app. Two old ISAK workbooks (.xlsx and .xls), an
// Infoklass workbook exported by the CLI and a file that is no workbook at all are previewed
// together; the broken one is named with its reason while the others import. The result is read
// back with the CLI on the same database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp } from './webdriver.mjs';

const APP = process.env.INFOKLASS_APP;
const CLI = process.env.INFOKLASS_CLI;
const SHOTS = path.join(import.meta.dirname, 'screenshots');
const FIXTURES = path.join(import.meta.dirname, '..', '..', 'crates', 'isak', 'tests', 'fixtures');

// Hands files to the page's file input the way the file dialog would.
const CHOOSE_FILES = `
  const input = document.querySelector('[data-testid="import-files"]');
  const dt = new DataTransfer();
  for (const f of arguments[0]) {
    const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
    dt.items.add(new File([bytes], f.name));
  }
  input.files = dt.files;
  const n = input.files.length; // the page empties the input once it has taken the files
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return n;`;

const statuses = (app) =>
  app.execute(
    'return Object.fromEntries([...document.querySelectorAll(\'[data-testid="import-file"]\')].map((e) => [e.dataset.name, e.dataset.status]))',
  );

test('a batch of workbooks is previewed, confirmed and imported', { timeout: 240_000 }, async () => {
  assert.ok(APP && CLI, 'INFOKLASS_APP and INFOKLASS_CLI name the built binaries');
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'infoklass-e2e-import-'));
  const db = path.join(dir, 'e2e.sqlite');
  const spec = path.join(dir, 'lon.toml');
  const m = 'motivations = { K = "m", R = "m", T = "m", S = "m" }';
  writeFileSync(spec, `[object]\nname = "Lönesystem"\n[[sets]]\nname = "Löner"\nlevels = { K = 2, R = 2, T = 1, S = 1 }\n${m}\n`);
  execFileSync(CLI, ['--db', db, 'new', spec]);
  const exported = path.join(dir, 'lonesystem.xlsx');
  execFileSync(CLI, ['--db', db, 'export', 'Lönesystem', '--out', exported]);

  const files = [
    { name: 'journalsystem.xlsx', b64: readFileSync(path.join(FIXTURES, 'journalsystem.xlsx')).toString('base64') },
    { name: 'ekonomisystem.xls', b64: readFileSync(path.join(FIXTURES, 'ekonomisystem.xls')).toString('base64') },
    { name: 'lonesystem.xlsx', b64: readFileSync(exported).toString('base64') },
    { name: 'anteckningar.xlsx', b64: Buffer.from('Det här är ingen arbetsbok.\n').toString('base64') },
  ];

  const app = await launchApp({ binary: APP, args: ['--db', db] });
  try {
    await app.waitFor('the object list', () => app.execute('return !!document.querySelector(\'[data-ready="true"]\')'), 30_000);
    await app.click('nav-import');
    await app.find('import-files');
    assert.equal(await app.execute(CHOOSE_FILES, [files]), 4);

    // Every file is read and previewed; nothing is written yet.
    const done = ['ready', 'warnings', 'failed', 'nothing'];
    const preview = await app.waitFor(
      'the preview of all four files',
      async () => {
        const s = await statuses(app);
        return Object.keys(s).length === 4 && Object.values(s).every((v) => done.includes(v)) ? s : null;
      },
      60_000,
    );
    assert.equal(preview['anteckningar.xlsx'], 'failed');
    assert.equal(preview['lonesystem.xlsx'], 'nothing', 'an exported workbook sent back unedited changes nothing');
    assert.ok(['ready', 'warnings'].includes(preview['journalsystem.xlsx']), preview['journalsystem.xlsx']);
    assert.ok(['ready', 'warnings'].includes(preview['ekonomisystem.xls']), preview['ekonomisystem.xls']);
    const reason = await app.execute(
      'return document.querySelector(\'[data-testid="import-file"][data-name="anteckningar.xlsx"] [data-testid="import-reason"]\')?.textContent ?? ""',
    );
    assert.match(reason, /arbetsbok/i, 'the broken file says why in Swedish');
    const before = JSON.parse(execFileSync(CLI, ['--db', db, 'objects', '--json'], { encoding: 'utf8' }));
    assert.equal(before.items.length, 1, 'the preview wrote nothing');
    await app.screenshot(path.join(SHOTS, '10-import-preview.png'));

    await app.click('import-start');
    await app.click('confirm-import');
    await app.find('import-done');
    const after = await app.waitFor('the import of the two old workbooks', async () => {
      const s = await statuses(app);
      return s['journalsystem.xlsx'] === 'created' && s['ekonomisystem.xls'] === 'created' ? s : null;
    });
    assert.equal(after['anteckningar.xlsx'], 'failed');
    await app.screenshot(path.join(SHOTS, '11-import-done.png'));
  } finally {
    await app.close();
  }

  const objects = JSON.parse(execFileSync(CLI, ['--db', db, 'objects', '--json'], { encoding: 'utf8' }));
  assert.deepEqual(objects.items.map((o) => o.name).sort(), ['Ekonomisystem', 'Lönesystem', 'Vårdinformationssystem (journal)']);
  const journal = JSON.parse(execFileSync(CLI, ['--db', db, 'show', 'Vårdinformationssystem (journal)', '--json'], { encoding: 'utf8' }));
  assert.equal(journal.object.current.content.sets.length, 5);
  const risks = JSON.parse(execFileSync(CLI, ['--db', db, 'risks', 'Vårdinformationssystem (journal)', '--json'], { encoding: 'utf8' }));
  assert.equal(risks.risks.length, 5);

  // The same workbook again: recognised, nothing duplicated.
  const again = JSON.parse(
    execFileSync(CLI, ['--db', db, 'import', path.join(FIXTURES, 'journalsystem.xlsx'), '--dry-run', '--json'], { encoding: 'utf8' }),
  );
  assert.equal(again[0].legacy.outcome, 'unchanged');
});
