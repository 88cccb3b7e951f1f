// Shared set-up: one static server and one headless Chromium per test file, a fresh
// browser context (empty localStorage, fresh mock backend) per page.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.js';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(here, '../../../ui/dist-mock');
export const SCREENSHOTS = resolve(here, '../screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export function useApp() {
  let server;
  let browser;
  before(async () => {
    server = await startServer(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 30_000 });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Opens the app with the given query (e.g. "?seed=10") and waits until the list has loaded.
   * After the test, the page must have had no uncaught errors unless `allowPageErrors`.
   */
  async function open(t, query = '', { allowPageErrors = false } = {}) {
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
    await page.goto(`${server.url}/${query}`);
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 10_000 });
    return page;
  }

  return { open };
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  // Two animation frames, so the picture shows the finished layout.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
