import type { ModelCall, ModelNext, ModelResult } from "@sluice/core";
import type { ModelRequest } from "@sluice/core";

/**
 * Calls `next` so that every layer inside (and the model's HTTP request) sees `signal` instead
 * of the call's own. `ModelNext` only takes a request, so this swaps the signal on the call for
 * the instant `next(request)` copies it for the inner layers, and puts it back at once; outer
 * layers never see the swap.
 *
 * @example
 * const controller = new AbortController();
 * const result = await nextWithSignal(call, next, controller.signal);
 */
export function nextWithSignal(call: ModelCall, next: ModelNext, signal: AbortSignal, request: ModelRequest = call.request): Promise<ModelResult> {
  const writable = call as { signal: AbortSignal };
  const original = writable.signal;
  writable.signal = signal;
  try {
    // Passing a request makes the pipeline copy the call (with the swapped signal) synchronously.
    return next(request);
  } finally {
    writable.signal = original;
  }
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
  for (const signal of signals) signal.addEventListener("abort", forward, { once: true });
  return { signal: controller.signal, unlink };
}
