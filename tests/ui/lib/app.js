// Shared set-up: one headless Chromium per test file, a fresh browser context (empty
// localStorage) and a fresh database in the test host per page. The host
// (src-tauri/examples/ui_test_host.rs) serves the front end and runs the real backend; run.sh
// starts it and passes its address in UI_HOST.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = resolve(here, '../screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export function hostUrl() {
  const url = process.env.UI_HOST;
  assert.ok(url, 'UI_HOST is not set: run the flows with tests/ui/run.sh');
  return url;
}

/** Gives the host a fresh database: the shipped catalogues, plus `objects` generated objects. */
export async function resetHost(objects = 0) {
  const seed = objects > 0 ? `org&n=${objects}` : 'catalogues';
  const response = await fetch(`${hostUrl()}/reset?seed=${seed}`, { method: 'POST' });
  assert.equal(response.status, 200, `reset: ${await response.clone().text()}`);
  return response.json();
}

/** Calls a command on the host directly (for what a user would get by navigating). */
export async function callHost(cmd, args = {}) {
  const response = await fetch(`${hostUrl()}/ipc/${cmd}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body = await response.json();
  if (!response.ok) throw Object.assign(new Error(`${cmd}: ${body.code} ${body.message}`), { body });
  return body;
}

export function useApp() {
  let browser;
  let host = { export_dir: null, open_log: null };
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 30_000 });
  });
  after(async () => {
    await browser?.close();
  });

  /**
   * Resets the backend and opens the app with the given query, then waits until the list has
   * loaded. `?seed=N` in the query is for the host (N generated objects); the rest (the
   * transport's `fail` and `slow` switches) goes to the page. After the test, the page must
   * have had no uncaught errors unless `allowPageErrors`.
   */
  async function open(t, query = '', { allowPageErrors = false } = {}) {
    const params = new URLSearchParams(query.replace(/^\?/, ''));
    const objects = Number(params.get('seed') ?? 0);
    params.delete('seed');
    host = await resetHost(objects);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    context.setDefaultTimeout(5000);
    const page = await context.newPage();
    const pageErrors = [];
    const cspViolations = [];
    page.on('pageerror', (e) => pageErrors.push(e));
    page.on('console', (msg) => {
      if (/Content.Security.Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    t.after(async () => {
      await context.close();
      assert.deepEqual(cspViolations, [], 'no CSP violations');
      if (!allowPageErrors) assert.deepEqual(pageErrors.map(String), [], 'no uncaught errors in the page');
    });
    const rest = params.toString();
    await page.goto(`${hostUrl()}/${rest ? `?${rest}` : ''}`);
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 10_000 });
    return page;
  }

  /** The folder the host writes exports to (emptied at each reset). */
  const exportDir = () => host.export_dir;

  /** What "Öppna filen"/"Visa i mappen" asked the host to open: `open PATH`/`reveal PATH` lines. */
  const openLog = () => host.open_log;

  return { open, exportDir, openLog };
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  // Two animation frames, so the picture shows the finished layout.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
