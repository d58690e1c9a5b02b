import type { PendingPause } from "./pending-pause.js";

/**
 * Thrown inside a run when a step paused, so the composites above it stop (a sequence) or wait
 * for their other branches (parallel, map) before passing it on. The run turns it into a
 * `paused` result; it never reaches user code.
 */
export class PauseSignal {
  constructor(readonly pending: PendingPause[]) {}

  /** One signal for several paused branches. */
  static merge(signals: readonly PauseSignal[]): PauseSignal {
    return new PauseSignal(signals.flatMap((signal) => signal.pending));
  }
}
