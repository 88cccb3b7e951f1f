import { describe, expect, it, vi } from 'vitest';
import { clearError, errors, showError } from './errors.svelte';

describe('showError', () => {
  it('shows a failure and leaves a cancelled save dialog quiet', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    clearError();
    showError({ code: 'EXPORT_CANCELLED', message: 'the save dialog was cancelled', details: null });
    expect(errors.current).toBeNull();
    showError({ code: 'EXPORT_FAILED', message: 'disk full', details: null });
    expect(errors.current?.code).toBe('EXPORT_FAILED');
  });
});
