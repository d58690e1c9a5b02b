import { type ModelCall, type ModelNext, type ModelRequest, type ModelResult } from "@sluice/core";
import { canAbort } from "@sluice/core/internal";

/**
 * Calls `next` so that every layer inside (and the model's HTTP request) sees `signal` instead
 * of the call's own; a shorthand for `next(request, { signal })`.
 *
 * @example
 * const controller = new AbortController();
 * const result = await nextWithSignal(call, next, controller.signal);
 */
export function nextWithSignal(call: ModelCall, next: ModelNext, signal: AbortSignal, request: ModelRequest = call.request): Promise<ModelResult> {
  return next(request, { signal });
}

/**
 * A signal that aborts when any of `signals` does, with that signal's reason. Call `unlink()`
 * when done so the listeners on long-lived signals (the run's) do not pile up.
 *
 * @example
 * const linked = linkSignals(call.signal, timeoutController.signal);
 * try { await work(linked.signal); } finally { linked.unlink(); }
 */
export function linkSignals(...signals: AbortSignal[]): { signal: AbortSignal; unlink: () => void } {
  const aborted = signals.find((signal) => signal.aborted);
  if (aborted) return { signal: AbortSignal.abort(aborted.reason), unlink: noUnlink };
  const live = signals.filter(canAbort);
  // A single signal that can abort (a timeout's, in a run started without a signal) is its own link.
  if (live.length === 1) return { signal: live[0] as AbortSignal, unlink: noUnlink };
  const controller = new AbortController();
  const unlink = () => {
    for (const signal of live) signal.removeEventListener("abort", forward);
  };
  const forward = (event: Event) => {
    unlink();
    controller.abort((event.target as AbortSignal).reason);
  };
  for (const signal of live) signal.addEventListener("abort", forward, { once: true });
  return { signal: controller.signal, unlink };
}

function noUnlink(): void {}
