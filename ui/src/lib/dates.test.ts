import { describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatDateTime, isoDate, parseIsoDate } from './dates';

describe('parseIsoDate', () => {
  it('accepts a real date as ÅÅÅÅ-MM-DD, trimmed', () => {
    expect(parseIsoDate('2026-11-30')).toBe('2026-11-30');
    expect(parseIsoDate(' 2028-02-29 ')).toBe('2028-02-29');
  });

  it('refuses dates that do not exist', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-04-31')).toBeNull();
    expect(parseIsoDate('2026-00-10')).toBeNull();
  });

  it('refuses the local formats a browser might show', () => {
    expect(parseIsoDate('11/30/2026')).toBeNull();
    expect(parseIsoDate('30.11.2026')).toBeNull();
    expect(parseIsoDate('2026-1-5')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
  });
});

describe('formatDate', () => {
  it('keeps a date and shortens a timestamp to its local date', () => {
    expect(formatDate('2026-09-01')).toBe('2026-09-01');
    expect(formatDate('2026-11-30T12:00:00')).toBe('2026-11-30');
    expect(formatDate(null)).toBe('');
    expect(formatDate('snart')).toBe('snart');
  });

  it('pads months and days', () => {
    expect(isoDate(new Date(2027, 0, 5))).toBe('2027-01-05');
  });
});

describe('formatDateTime and formatClock', () => {
  it('write ÅÅÅÅ-MM-DD HH:MM in 24 hours', () => {
    expect(formatDateTime('2026-03-04T15:07:00')).toBe('2026-03-04 15:07');
    expect(formatDateTime('yesterday')).toBe('yesterday');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatClock(new Date(2026, 10, 30, 9, 5))).toBe('09:05');
  });
});
