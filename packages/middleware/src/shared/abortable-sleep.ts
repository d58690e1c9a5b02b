import { AbortError } from "@sluice/core";
import { canAbort } from "@sluice/core/internal";

/**
 * Waits `milliseconds`, or rejects with an `AbortError` as soon as `signal` aborts, so a
 * backoff never keeps a cancelled run alive.
 *
 * @example
 * await abortableSleep(250, call.signal);
 */
export function abortableSleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new AbortError("Aborted while waiting to retry.", { cause: signal.reason }));
  if (!canAbort(signal)) return new Promise((resolve) => setTimeout(resolve, milliseconds));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError("Aborted while waiting to retry.", { cause: signal.reason }));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, milliseconds);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
