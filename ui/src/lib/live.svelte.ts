// Shows what others change: every few seconds the app asks the backend whether another
// window or program has committed to the database (a cheap check), and counts each change
// in `live.changes`. Screens that show stored data re-read it when the count moves.
import { api } from './api';

export const live = $state({ changes: 0 });

const INTERVAL_MS = 3000;
let timer: ReturnType<typeof setInterval> | null = null;
let seen: number | null = null;

async function check(): Promise<void> {
  try {
    const now = await api.dataVersion();
    if (seen !== null && now !== seen) live.changes += 1;
    seen = now;
  } catch {
    // A failed check is not an error for the user: the next one tries again.
  }
}

/** Takes the first reading at once (the screens load at the same time), then every few seconds. */
export function startLiveCheck(): void {
  if (timer !== null) return;
  void check();
  timer = setInterval(check, INTERVAL_MS);
}
