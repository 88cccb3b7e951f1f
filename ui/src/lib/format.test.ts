import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, levelClass, prettyJson } from './format';
import { i18n } from './i18n/index.svelte';

afterEach(() => {
  i18n.lang = 'sv';
});

describe('levelClass', () => {
  it('names the level and clamps it to 0–4', () => {
    expect(levelClass(2)).toBe('lvl-2');
    expect(levelClass(-1)).toBe('lvl-0');
    expect(levelClass(9)).toBe('lvl-4');
  });

  it('has its own class for no level', () => {
    expect(levelClass(null)).toBe('lvl-none');
    expect(levelClass(undefined)).toBe('lvl-none');
  });
});

describe('prettyJson', () => {
  it('indents JSON by two spaces', () => {
    expect(prettyJson('{"a":1,"b":[2]}')).toBe('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}');
  });

  it('leaves text that is not JSON as it is, and null as empty', () => {
    expect(prettyJson('not json {')).toBe('not json {');
    expect(prettyJson(null)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('returns empty for nothing and the input for an invalid timestamp', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });

  it('writes ÅÅÅÅ-MM-DD HH:MM whatever the UI language', () => {
    const sv = formatDateTime('2026-11-30T12:05:00');
    i18n.lang = 'en';
    expect(sv).toBe('2026-11-30 12:05');
    expect(formatDateTime('2026-11-30T12:05:00')).toBe(sv);
  });
});
