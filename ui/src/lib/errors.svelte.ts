// The one error banner of the app: whatever fails ends up here, never as a blank screen.
import { toErrorBody } from './api';
import type { ErrorBody } from './bindings/ErrorBody';

export const errors = $state<{ current: ErrorBody | null }>({ current: null });

export function showError(e: unknown): void {
  if (e instanceof Error) {
    errors.current = { code: 'UNEXPECTED', message: e.message, details: null };
  } else {
    errors.current = toErrorBody(e);
  }
  console.error(e);
}

export function clearError(): void {
  errors.current = null;
}
