import { setMaxListeners } from "node:events";

let shared: AbortSignal | undefined;

/**
 * The signal of a run nobody can abort (no `signal` was passed). Sharing one avoids creating an
 * AbortController per run, and lets the model skip abort bookkeeping in the HTTP layer. Listeners
 * added to it never fire: skip adding them (see `canAbort`), or remove them when done. Made at
 * the first run rather than at import (Node loads its AbortController on first use).
 */
export function neverAbortedSignal(): AbortSignal {
  if (!shared) {
    shared = new AbortController().signal;
    // Many concurrent runs share it, so many short-lived listeners on it are expected, not a leak.
    setMaxListeners(0, shared);
  }
  return shared;
}

/**
 * False when `signal` can never abort (absent, or the signal of a run started without one), so
 * abort listeners on it would be pointless work.
 *
 * @example
 * if (canAbort(call.signal)) call.signal.addEventListener("abort", onAbort, { once: true });
 */
export function canAbort(signal: AbortSignal | undefined): signal is AbortSignal {
  return signal !== undefined && signal !== shared;
}
