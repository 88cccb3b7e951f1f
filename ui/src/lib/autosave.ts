// Autosave of a wizard draft: on request (a step change) and on a fixed interval while there
// are unsaved changes. Saves never overlap, and a failure is reported and retried on the next
// tick instead of interrupting the user.

export const AUTOSAVE_INTERVAL_MS = 45_000;

export interface AutosaveHooks {
  /** True when there is something to save and it may be saved (e.g. the draft has a name). */
  wanted: () => boolean;
  save: () => Promise<void>;
  onsaved: () => void;
  onfailed: (e: unknown) => void;
}

export class Autosave {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<boolean> | null = null;

  constructor(
    private hooks: AutosaveHooks,
    private intervalMs = AUTOSAVE_INTERVAL_MS,
  ) {}

  start(): void {
    if (this.timer === null) this.timer = setInterval(() => void this.saveNow(), this.intervalMs);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Saves when wanted; resolves to whether the draft is saved now (false after a failure). */
  saveNow(): Promise<boolean> {
    // A save already under way covers this request: the next tick picks up later edits.
    if (this.running) return this.running;
    if (!this.hooks.wanted()) return Promise.resolve(true);
    this.running = this.hooks
      .save()
      .then(() => {
        this.hooks.onsaved();
        return true;
      })
      .catch((e: unknown) => {
        this.hooks.onfailed(e);
        return false;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
