// Waiting assertions: retry until they hold or time runs out, then fail with the last error.
import assert from 'node:assert/strict';

export async function eventually(check, { timeout = 5000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/** Waits until the locator's trimmed text equals `expected` (string) or matches it (RegExp). */
export async function expectText(locator, expected, options) {
  return eventually(async () => {
    const text = ((await locator.textContent({ timeout: 1000 })) ?? '').trim();
    if (expected instanceof RegExp) assert.match(text, expected);
    else assert.equal(text, expected);
    return text;
  }, options);
}

export async function expectCount(locator, expected, options) {
  return eventually(async () => assert.equal(await locator.count(), expected), options);
}

/** Parses "N av M objekt" / "N of M objects". */
export async function listCount(page) {
  const text = await page.getByTestId('list-count').textContent();
  const match = /(\d+)\D+(\d+)/.exec(text ?? '');
  assert.ok(match, `list count text: ${text}`);
  return { shown: Number(match[1]), total: Number(match[2]) };
}
