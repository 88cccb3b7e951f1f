import type { ErrorBody } from './bindings/ErrorBody';

/** The backend answers DB_CHANGED when another program replaced the database file and it has
 * opened the new one: what is on screen came from the old file, so the view reloads once the
 * message has been seen. */
export function reloadIfDatabaseChanged(body: ErrorBody): void {
  if (body.code === 'DB_CHANGED') setTimeout(() => location.reload(), 3000);
}
