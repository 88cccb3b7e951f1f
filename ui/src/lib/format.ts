// Small display helpers shared by the screens.

export function levelClass(level: number | null | undefined): string {
  return level === null || level === undefined ? 'lvl-none' : `lvl-${Math.min(Math.max(level, 0), 4)}`;
}

// Dates and times are written ÅÅÅÅ-MM-DD HH:MM in both languages (see ./dates).
export { formatDateTime, formatClock as formatTime } from './dates';

/** Pretty JSON for the history view; leaves text that is not JSON as it is. */
export function prettyJson(text: string | null): string {
  if (text === null) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
