// Data every screen needs, loaded once at start: app facts, the scale, the information types and
// the lagrum catalogue.
import { api } from './api';
import type { AppInfo } from './bindings/AppInfo';
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
}>({ info: null, scale: null, infoTypes: [], lagrum: [], ready: false });

export async function loadAppData(): Promise<void> {
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
