// One batch of files being imported: each file is previewed, then (on request) imported, one
// call per file so progress shows and one broken file stops nothing else. The batch lives at
// module level, so leaving the screen neither loses the preview nor stops a running import.
import { api, toErrorBody } from '../../lib/api';
import type { ErrorBody } from '../../lib/bindings/ErrorBody';
import type { FileImport } from '../../lib/bindings/FileImport';
import { readAsBase64 } from '../../lib/files';
import { i18n } from '../../lib/i18n/index.svelte';
import { importable } from '../../lib/imports';

export type Phase = 'queued' | 'reading' | 'previewed' | 'importing' | 'imported';

export type BatchFile = {
  key: number;
  file: File;
  phase: Phase;
  preview: FileImport | null;
  /** The import's own report, once imported. */
  result: FileImport | null;
  /** The call itself failed (file unreadable, backend error). */
  error: ErrorBody | null;
};

export type Progress = { verb: 'reading' | 'importing'; done: number; total: number };

let nextKey = 1;
const unreadable = (file: File, e: unknown): ErrorBody =>
  e && typeof e === 'object' && 'code' in e
    ? (e as ErrorBody)
    : { code: 'FILE_ERROR', message: `${file.name}: ${String(e)}`, details: null };
/** A file chosen again (same name and size) is not added twice; its modification time is not
 * compared, as some sources (drag and drop from archives, test tools) set it to the current time. */
const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size;

class ImportBatch {
  files = $state.raw<BatchFile[]>([]);
  progress = $state<Progress | null>(null);
  stopped = $state<Progress | null>(null);
  /** Bumped after every import, so the history reloads. */
  imports = $state(0);
  private stopAsked = false;

  get busy(): boolean {
    return this.progress !== null;
  }

  get importable(): BatchFile[] {
    return this.files.filter((f) => f.phase === 'previewed' && importable(f.preview));
  }

  get imported(): boolean {
    return this.files.some((f) => f.phase === 'imported');
  }

  /** Adds files (a new batch once the last one was imported) and previews the new ones. */
  async add(chosen: File[]): Promise<void> {
    if (this.busy) return;
    if (this.imported) this.clear();
    const added = chosen
      .filter((f) => !this.files.some((b) => sameFile(b.file, f)))
      .map((file): BatchFile => ({ key: nextKey++, file, phase: 'queued', preview: null, result: null, error: null }));
    if (added.length === 0) return;
    this.files = [...this.files, ...added];
    await this.preview(added.map((f) => f.key));
  }

  clear(): void {
    if (this.busy) return;
    this.files = [];
    this.stopped = null;
  }

  stop(): void {
    this.stopAsked = true;
  }

  /** Previews the given files again, e.g. after level words were mapped. */
  preview(keys: number[]): Promise<void> {
    return this.each(keys, 'reading', async (f, base64) => {
      this.update(f.key, { phase: 'reading', error: null });
      try {
        this.update(f.key, {
          phase: 'previewed',
          preview: await api.previewImport(f.file.name, await base64(), i18n.lang),
        });
      } catch (e) {
        this.update(f.key, { phase: 'previewed', preview: null, error: toErrorBody(e) });
      }
    });
  }

  /** Imports every file that is ready (warnings included); the others are left as they are. */
  importAll(): Promise<void> {
    return this.each(
      this.importable.map((f) => f.key),
      'importing',
      async (f, base64) => {
        this.update(f.key, { phase: 'importing', error: null });
        try {
          this.update(f.key, {
            phase: 'imported',
            result: await api.importFile(f.file.name, await base64(), i18n.lang),
          });
        } catch (e) {
          this.update(f.key, { phase: 'imported', result: null, error: toErrorBody(e) });
        }
      },
    ).finally(() => (this.imports += 1));
  }

  private async each(
    keys: number[],
    verb: Progress['verb'],
    work: (f: BatchFile, base64: () => Promise<string>) => Promise<void>,
  ) {
    if (this.busy || keys.length === 0) return;
    this.stopAsked = false;
    this.stopped = null;
    this.progress = { verb, done: 0, total: keys.length };
    try {
      for (const [i, key] of keys.entries()) {
        const f = this.files.find((x) => x.key === key);
        if (!f) continue;
        if (this.stopAsked) {
          this.stopped = { verb, done: i, total: keys.length };
          break;
        }
        this.progress = { verb, done: i, total: keys.length };
        await work(f, () => readAsBase64(f.file).catch((e) => Promise.reject(unreadable(f.file, e))));
      }
    } finally {
      this.progress = null;
      // Files a stopped preview never reached leave the batch; choosing them again reads just those.
      this.files = this.files.filter((f) => f.phase !== 'queued');
    }
  }

  private update(key: number, patch: Partial<BatchFile>) {
    this.files = this.files.map((f) => (f.key === key ? { ...f, ...patch } : f));
  }
}

export const batch = new ImportBatch();
