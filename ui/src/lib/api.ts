// The typed command contract between the UI and the Rust backend.
// Every command the UI may call is listed here; argument and result types are generated
// from the Rust types (./bindings). A Rust test checks that every name below is registered.
import { invoke } from '@tauri-apps/api/core';
import type { AppInfo } from './bindings/AppInfo';
import type { ClassificationContent } from './bindings/ClassificationContent';
import type { ErrorBody } from './bindings/ErrorBody';
import type { HistoryEntry } from './bindings/HistoryEntry';
import type { InfoType } from './bindings/InfoType';
import type { NewObject } from './bindings/NewObject';
import type { ObjectDetail } from './bindings/ObjectDetail';
import type { ObjectFilter } from './bindings/ObjectFilter';
import type { ObjectList } from './bindings/ObjectList';
import type { ObjectMeta } from './bindings/ObjectMeta';
import type { Preview } from './bindings/Preview';
import type { Scale } from './bindings/Scale';

/** Turns whatever a failed invoke threw into an ErrorBody. */
export function toErrorBody(e: unknown): ErrorBody {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as ErrorBody).code === 'string') {
    return e as ErrorBody;
  }
  return { code: 'UNEXPECTED', message: String(e), details: null };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toErrorBody(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  getScale: () => call<Scale>('get_scale'),
  listInfoTypes: () => call<InfoType[]>('list_info_types'),
  listObjects: (filter: ObjectFilter) => call<ObjectList>('list_objects', { filter }),
  getObject: (id: string) => call<ObjectDetail>('get_object', { id }),
  createObject: (input: NewObject) => call<ObjectDetail>('create_object', { input }),
  updateObject: (id: string, meta: ObjectMeta) => call<ObjectDetail>('update_object', { id, meta }),
  saveDraft: (id: string, content: ClassificationContent) => call<ObjectDetail>('save_draft', { id, content }),
  preview: (input: NewObject) => call<Preview>('preview', { input }),
  approve: (id: string, approvedBy: string) => call<ObjectDetail>('approve', { id, approvedBy }),
  startReclassification: (id: string) => call<ObjectDetail>('start_reclassification', { id }),
  deleteObject: (id: string) => call<void>('delete_object', { id }),
  objectHistory: (id: string) => call<HistoryEntry[]>('object_history', { id }),
};

export type Api = typeof api;
