/**
 * The signal of a run nobody can abort (no `signal` was passed). Sharing one avoids creating an
 * AbortController per run, and lets the model skip abort bookkeeping in the HTTP layer. Listeners
 * added to it never fire, so code that adds one must remove it (or not add it: see `canAbort`).
 */
export const neverAbortedSignal: AbortSignal = new AbortController().signal;

/** False for the shared signal of a run that cannot be aborted. */
export function canAbort(signal: AbortSignal | undefined): signal is AbortSignal {
  return signal !== undefined && signal !== neverAbortedSignal;
}
