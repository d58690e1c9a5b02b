import { canAbort, type ModelCall, type ModelNext, type ModelRequest, type ModelResult } from "@sluice/core";

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
  const controller = new AbortController();
  const unlink = () => {
    for (const signal of signals) signal.removeEventListener("abort", forward);
  };
  const forward = (event: Event) => {
    unlink();
    controller.abort((event.target as AbortSignal).reason);
  };
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      return { signal: controller.signal, unlink: () => undefined };
    }
  }
  for (const signal of signals) if (canAbort(signal)) signal.addEventListener("abort", forward, { once: true });
  return { signal: controller.signal, unlink };
}
