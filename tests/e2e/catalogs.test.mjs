// End-to-end: the organisation's lists under Kataloger in the real app. An information type
// is added and another retired, a threat is retired; the CLI reads the same database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp } from './webdriver.mjs';

const APP = process.env.INFOKLASS_APP;
const CLI = process.env.INFOKLASS_CLI;
const SHOTS = path.join(import.meta.dirname, 'screenshots');
const click = (app, css) => app.execute(`document.querySelector(${JSON.stringify(css)}).click()`);

test('information types and threats are edited under Kataloger', { timeout: 240_000 }, async () => {
  assert.ok(APP && CLI, 'INFOKLASS_APP and INFOKLASS_CLI name the built binaries');
  mkdirSync(SHOTS, { recursive: true });
  const db = path.join(mkdtempSync(path.join(tmpdir(), 'infoklass-e2e-catalogs-')), 'e2e.sqlite');

  const app = await launchApp({ binary: APP, args: ['--db', db] });
  try {
    await app.waitFor('the object list', () => app.execute('return !!document.querySelector(\'[data-ready="true"]\')'), 30_000);
    await app.click('nav-catalog');
    await app.click('catalog-tab-info-types');
    await app.click('info-type-new');
    await app.type('info-type-name-sv', 'Bygglovsärenden');
    await app.select('info-type-level-K', '1');
    await app.select('info-type-level-R', '2');
    await app.click('info-type-save');
    await app.waitFor('the new type', () => app.execute('return !!document.querySelector(\'[data-testid="info-type-row"][data-key="bygglovsarenden"]\')'));
    await click(app, '[data-testid="info-type-row"][data-key="ekonomi"] [data-testid="info-type-retire"]');
    await app.click('info-type-retire-confirm');
    await app.waitFor('the retired type to leave the list', () =>
      app.execute('return !document.querySelector(\'[data-testid="info-type-row"][data-key="ekonomi"]\')'),
    );
    await app.screenshot(path.join(SHOTS, '13-info-types.png'));

    await app.click('catalog-tab-threats');
    await app.find('threat-search');
    await click(app, '[data-testid="threat-row"][data-key="HOT-54"] [data-testid="threat-retire"]');
    await app.click('threat-retire-confirm');
    await app.waitFor('the retired threat to leave the list', () =>
      app.execute('return !document.querySelector(\'[data-testid="threat-row"][data-key="HOT-54"]\')'),
    );
  } finally {
    await app.close();
  }

  const types = JSON.parse(execFileSync(CLI, ['--db', db, 'info-types', 'list', '--json'], { encoding: 'utf8' }));
  const byKey = Object.fromEntries(types.map((e) => [e.info_type.key, e.info_type]));
  assert.deepEqual(byKey.bygglovsarenden.levels, { K: 1, R: 2, T: 0, S: 0 });
  assert.equal(byKey.ekonomi.retired, true);
  const threats = JSON.parse(execFileSync(CLI, ['--db', db, 'threats', 'list', '--json'], { encoding: 'utf8' }));
  assert.equal(threats.threats.find((e) => e.threat.key === 'HOT-54').threat.retired, true);
});
