// Small display helpers shared by the screens.
import { i18n } from './i18n/index.svelte';

export function levelClass(level: number | null | undefined): string {
  return level === null || level === undefined ? 'lvl-none' : `lvl-${Math.min(Math.max(level, 0), 4)}`;
}

/** A timestamp from the backend (ISO/RFC 3339) as local date and time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = i18n.lang === 'sv' ? 'sv-SE' : 'en-GB';
  return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatTime(d: Date): string {
  return d.toLocaleTimeString(i18n.lang === 'sv' ? 'sv-SE' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** Pretty JSON for the history view; leaves text that is not JSON as it is. */
export function prettyJson(text: string | null): string {
  if (text === null) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
