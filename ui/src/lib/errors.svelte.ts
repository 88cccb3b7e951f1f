// The one error banner of the app: whatever fails ends up here, never as a blank screen.
import { toErrorBody } from './api';
import type { ErrorBody } from './bindings/ErrorBody';
import type { ErrorCode } from './bindings/ErrorCode';
import { t, tCode } from './i18n/index.svelte';

/** `context` names what the failed action was about (e.g. "threat"), for a more precise text. */
export const errors = $state<{ current: ErrorBody | null; context: string | null }>({ current: null, context: null });

/** Any failure as the backend's error shape; a thrown Error is UNEXPECTED. */
export function asErrorBody(e: unknown): ErrorBody {
  return e instanceof Error ? { code: 'UNEXPECTED', message: e.message, details: null } : toErrorBody(e);
}

export function showError(e: unknown, context: string | null = null): void {
  const body = asErrorBody(e);
  // Cancelling the save dialog is the user's choice, not a failure: nothing to show.
  if (body.code === 'EXPORT_CANCELLED') return;
  errors.current = body;
  errors.context = context;
  console.error(e);
}

export function clearError(): void {
  errors.current = null;
}

/** The text for an error code: `error.<context>.<code>` when there is one, else `error.<code>`. */
export function errorText(code: ErrorCode, context: string | null = null): string {
  const general = tCode(`error.${code}`, t('error.unknown'));
  return context ? tCode(`error.${context}.${code}`, general) : general;
}
