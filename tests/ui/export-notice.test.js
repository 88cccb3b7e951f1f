// The export notice: "Öppna filen" and "Visa i mappen" open only the file just written (the
// test host records what it would open), and the export folder can be chosen and is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { useApp } from './lib/app.js';
import { eventually, expectText } from './lib/expect.js';

const app = useApp();
const logged = async () => readFile(app.openLog(), 'utf8').catch(() => '');

/** Exports and answers the path the notice names (a new one, when an earlier notice shows). */
async function exportThreats(page, earlier = null) {
  await page.getByTestId('threat-export').click();
  return eventually(async () => {
    const text = await expectText(page.getByTestId('notice').locator('.text'), /^Sparad: /);
    const path = text.replace(/^Sparad: /, '');
    assert.notEqual(path, earlier);
    return path;
  });
}

test('the notice opens the exported file or its folder, and the chosen folder is used next', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('nav-catalog').click();
  await page.getByTestId('catalog-tab-threats').click();
  const path = await exportThreats(page);

  await page.getByTestId('open-export').click();
  const file = await realpath(path);
  await eventually(async () => assert.equal(await logged(), `open ${file}\n`));
  await page.getByTestId('reveal-export').click();
  await eventually(async () => assert.equal(await logged(), `open ${file}\nreveal ${dirname(file)}\n`));

  // A folder that does not exist is refused in Swedish at the field.
  assert.equal(await page.getByTestId('export-folder').inputValue(), app.exportDir());
  await page.getByTestId('export-folder').fill('/finns/inte/här');
  await page.getByTestId('export-folder-save').click();
  await expectText(page.getByTestId('export-folder-problem'), 'Mappen finns inte eller går inte att skriva i.');

  const chosen = await mkdtemp(join(tmpdir(), 'infoklass-exporter-'));
  t.after(() => rm(chosen, { recursive: true, force: true }));
  await page.getByTestId('export-folder').fill(chosen);
  await page.getByTestId('export-folder-save').click();
  await page.getByTestId('export-folder-saved').waitFor();
  const next = await exportThreats(page, path);
  assert.equal(dirname(next), await realpath(chosen));
  assert.deepEqual(await readdir(chosen), [basename(next)]);
  await eventually(async () => assert.equal(await page.getByTestId('export-folder').inputValue(), await realpath(chosen)));
});

test('a file the page names itself is never opened', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('nav-catalog').click();
  await page.getByTestId('catalog-tab-threats').click();
  await exportThreats(page);
  // What a compromised page could try: the command with another path.
  const answer = await page.evaluate(async () => {
    const r = await fetch('./ipc/open_export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/etc/passwd', reveal: false }),
    });
    return r.json();
  });
  assert.equal(answer.code, 'NOT_LAST_EXPORT');
  assert.equal(await logged(), '');
});
