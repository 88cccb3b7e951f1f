// Dates as ÅÅÅÅ-MM-DD (ISO 8601) whatever the machine's or browser's locale: shown that way and
// typed that way, so a date never changes meaning between a Swedish and an American setup.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The typed text as a calendar date `ÅÅÅÅ-MM-DD`, or null when it is not a real date. */
export function parseIsoDate(text: string): string | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Rejects 2026-02-30 and the like, which Date would roll over into March.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** A Date as local `ÅÅÅÅ-MM-DD`. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A date or a timestamp from the backend as `ÅÅÅÅ-MM-DD`; other text is returned as it is. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (ISO_DATE.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : isoDate(d);
}

/** A timestamp from the backend as local `ÅÅÅÅ-MM-DD HH:MM`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${isoDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A clock time as `HH:MM` (24 hours), for "Sparat 14:32". */
export function formatClock(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
