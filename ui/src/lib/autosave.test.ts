import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave } from './autosave';

function setup(wanted = true) {
  const state = { wanted, saves: 0, failNext: false, saved: 0, failed: [] as unknown[] };
  const auto = new Autosave(
    {
      wanted: () => state.wanted,
      save: async () => {
        state.saves += 1;
        if (state.failNext) {
          state.failNext = false;
          throw { code: 'DB_ERROR', message: 'busy', details: null };
        }
      },
      onsaved: () => (state.saved += 1),
      onfailed: (e) => state.failed.push(e),
    },
    1000,
  );
  return { state, auto };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Autosave', () => {
  it('saves on each interval only while there is something to save', async () => {
    const { state, auto } = setup(false);
    auto.start();
    await vi.advanceTimersByTimeAsync(2500);
    expect(state.saves).toBe(0);
    state.wanted = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.saves).toBe(1);
    expect(state.saved).toBe(1);
    auto.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(state.saves).toBe(1);
  });

  it('reports a failure and tries again on the next tick', async () => {
    const { state, auto } = setup();
    state.failNext = true;
    auto.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.failed).toHaveLength(1);
    expect(state.saved).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.saved).toBe(1);
    auto.stop();
  });

  it('never runs two saves at once', async () => {
    const { state, auto } = setup();
    const [a, b] = await Promise.all([auto.saveNow(), auto.saveNow()]);
    expect([a, b]).toEqual([true, true]);
    expect(state.saves).toBe(1);
  });

  it('tells the caller when the save failed', async () => {
    const { state, auto } = setup();
    state.failNext = true;
    expect(await auto.saveNow()).toBe(false);
    expect(await auto.saveNow()).toBe(true);
  });
});
