// Data every screen needs, loaded once at start: app facts, the scale, the information types and
// the lagrum catalogue.
import { api } from './api';
import type { AppInfo } from './bindings/AppInfo';
import type { DatabaseInfo } from './bindings/DatabaseInfo';
import type { InfoType } from './bindings/InfoType';
import type { LagrumEntry } from './bindings/LagrumEntry';
import type { Scale } from './bindings/Scale';
import { showError } from './errors.svelte';

export const appData = $state<{
  info: AppInfo | null;
  scale: Scale | null;
  infoTypes: InfoType[];
  /** The lagrum catalogue, retired ones included (decisions may still name them). */
  lagrum: LagrumEntry[];
  /** Set once the first object list has loaded (start-up measurements wait for it). */
  ready: boolean;
  /** Which database is open and the login's roles (every role on the local file). */
  database: DatabaseInfo | null;
  /** The "Databas" dialog is open (also at start when the chosen database cannot be reached). */
  databaseDialog: boolean;
}>({ info: null, scale: null, infoTypes: [], lagrum: [], ready: false, database: null, databaseDialog: false });

/** Codes that mean the organisation database could not be reached or logged in to. */
const CONNECTION_CODES = ['DB_UNREACHABLE', 'DB_LOGIN_FAILED', 'DB_TLS'];

/** True when the login has one of `roles` (always on the local file). */
export function mayDo(...roles: string[]): boolean {
  const have = appData.database?.roles;
  return !have || roles.some((r) => have.includes(r));
}

export async function loadAppData(): Promise<void> {
  try {
    appData.database = await api.databaseInfo();
    const code = appData.database.error?.code;
    if (code && CONNECTION_CODES.includes(code)) {
      appData.databaseDialog = true;
      return;
    }
  } catch (e) {
    showError(e);
  }
  const [info, scale, infoTypes, lagrum] = await Promise.allSettled([
    api.appInfo(),
    api.getScale(),
    api.listInfoTypes(),
    api.listLagrum(),
  ]);
  if (info.status === 'fulfilled') appData.info = info.value;
  if (scale.status === 'fulfilled') appData.scale = scale.value;
  if (infoTypes.status === 'fulfilled') appData.infoTypes = infoTypes.value;
  if (lagrum.status === 'fulfilled') appData.lagrum = lagrum.value.entries;
  const failed = [info, scale, infoTypes, lagrum].find((r) => r.status === 'rejected');
  if (failed) showError(failed.reason);
}

export function markReady(): void {
  if (appData.ready) return;
  appData.ready = true;
  document.documentElement.dataset.ready = 'true';
}

export function today(): string {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throw-away value for today's date, not state
  return appData.info?.today ?? new Date().toISOString().slice(0, 10);
}
