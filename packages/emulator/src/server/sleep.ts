import { setTimeout as delay } from "node:timers/promises";

/**
 * Waits `milliseconds`; returns false (early) when `signal` aborts, so callers can stop.
 *
 * @example
 * if (!(await sleep(50, signal))) return;
 */
export async function sleep(milliseconds: number, signal: AbortSignal): Promise<boolean> {
  if (milliseconds <= 0) return !signal.aborted;
  try {
    await delay(milliseconds, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
