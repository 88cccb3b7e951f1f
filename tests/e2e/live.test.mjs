// End-to-end: the app shows what another program changes in the same database file, within
// seconds and without a reload: an object the CLI creates appears in the open list, and an
// approval by the CLI shows on the open object page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp } from './webdriver.mjs';

const APP = process.env.INFOKLASS_APP;
const CLI = process.env.INFOKLASS_CLI;
const EXAMPLE = path.join(import.meta.dirname, '../../docs/examples/ekonomisystem.toml');

test('changes by another program show in the open app', { timeout: 120_000 }, async () => {
  assert.ok(APP && CLI, 'INFOKLASS_APP and INFOKLASS_CLI name the built binaries');
  const db = path.join(mkdtempSync(path.join(tmpdir(), 'infoklass-e2e-live-')), 'e2e.sqlite');
  const app = await launchApp({ binary: APP, args: ['--db', db] });
  try {
    await app.waitFor('the object list', () => app.execute('return !!document.querySelector(\'[data-ready="true"]\')'), 30_000);
    execFileSync(CLI, ['--db', db, 'new', EXAMPLE], { env: { ...process.env, INFOKLASS_USER: 'kalle' } });
    const row = '[data-testid="object-row"][data-name="Ekonomisystem"]';
    await app.waitFor('the object the CLI created', () => app.execute(`return !!document.querySelector('${row}')`), 10_000);

    await app.execute(`document.querySelector('${row}').click()`);
    await app.waitFor('the draft', async () => (await app.attr('detail-status', 'data-status')) === 'utkast');
    execFileSync(CLI, ['--db', db, 'approve', 'Ekonomisystem'], { env: { ...process.env, INFOKLASS_USER: 'kalle' } });
    await app.waitFor('the approval made by the CLI', async () => (await app.attr('detail-status', 'data-status')) === 'faststalld', 10_000);
  } finally {
    await app.close();
  }
});
