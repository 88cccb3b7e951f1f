// Success messages (e.g. where an export was written), shown under the top bar until closed.
// After an export the notice also carries the file's path, so it can offer to open it.
import { t } from './i18n/index.svelte';

export const notice = $state<{ text: string | null; seq: number; exportPath: string | null }>({
  text: null,
  seq: 0,
  exportPath: null,
});

export function showNotice(text: string): void {
  notice.text = text;
  notice.exportPath = null;
  notice.seq += 1;
}

/** "Sparad: PATH" with "Öppna filen" and "Visa i mappen" for the file just written. */
export function showExportNotice(path: string): void {
  showNotice(t('notice.exported', { path }));
  notice.exportPath = path;
}

export function clearNotice(): void {
  notice.text = null;
  notice.exportPath = null;
}
