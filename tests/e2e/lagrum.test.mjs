// End-to-end: the built desktop binary under Xvfb. The organisation chooses cybersäkerhetslagen
// (väsentlig verksamhetsutövare) under Kataloger > Lagrum; an object nobody ticked it on then
// shows its requirement (INC-06, incident reporting) with the lagrum as the reason. The CLI
// reads the same database file afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp } from './webdriver.mjs';

const APP = process.env.INFOKLASS_APP;
const CLI = process.env.INFOKLASS_CLI;
const SHOTS = path.join(import.meta.dirname, 'screenshots');
const EXAMPLE = path.join(import.meta.dirname, '../../docs/examples/ekonomisystem.toml');

const clickCss = (app, css) => app.execute(`document.querySelector(${JSON.stringify(css)}).click()`);
const exists = (app, css) => app.execute(`return !!document.querySelector(${JSON.stringify(css)})`);
const keys = (view) => view.items.map((i) => i.key);

test('an organisation-wide lagrum brings its requirements to every object in the real app', { timeout: 240_000 }, async () => {
  assert.ok(APP && CLI, 'INFOKLASS_APP and INFOKLASS_CLI name the built binaries');
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'infoklass-e2e-'));
  const db = path.join(dir, 'e2e.sqlite');
  const cli = (...args) => execFileSync(CLI, [...args, '--db', db], { encoding: 'utf8' });
  cli('new', EXAMPLE);
  assert.ok(!keys(JSON.parse(cli('requirements', 'Ekonomisystem', '--json'))).includes('INC-06'), 'not before the choice');

  const app = await launchApp({ binary: APP, args: ['--db', db] });
  try {
    await app.waitFor('the object list', () => exists(app, '[data-ready="true"]'), 30_000);
    await app.click('nav-catalog');
    await app.click('catalog-tab-lagrum');
    await app.find('org-lagrum');
    await app.click('org-lagrum-cybersakerhetslagen_vasentlig');
    await app.waitFor('the choice saved', () =>
      app.execute(`return document.querySelector('[data-testid="org-lagrum-cybersakerhetslagen_vasentlig"]').checked`),
    );
    await app.screenshot(path.join(SHOTS, 'lagrum-organisation.png'));

    await app.click('nav-objects');
    await app.waitFor('the list', () => exists(app, '[data-testid="object-row"][data-name="Ekonomisystem"]'));
    await clickCss(app, '[data-testid="object-row"][data-name="Ekonomisystem"]');
    await app.click('tab-requirements');
    await app.waitFor('INC-06 among the requirements', () => exists(app, '[data-testid="req-row"][data-key="INC-06"]'));
    const reasons = await app.text('req-reasons-INC-06');
    assert.match(reasons, /Cybersäkerhetslagen/);
    await app.screenshot(path.join(SHOTS, 'lagrum-requirement.png'));
  } finally {
    await app.close();
  }

  const view = JSON.parse(cli('requirements', 'Ekonomisystem', '--json'));
  assert.ok(keys(view).includes('INC-06'), 'the CLI sees the same choice');
});
