import type { RunContext } from "../run/run-context.js";

/** Where a step runs: its workflow run, the path of its parent, and the signal that cancels it. */
export interface Scope {
  readonly run: RunContext;
  /** The parent's path, e.g. `report/refine[2]`; a child's path is `${prefix}/${name}`. */
  readonly prefix: string;
  readonly signal: AbortSignal;
}

/** The scope of a step's children: under its path, with its signal. */
export function childScope(scope: Scope, prefix: string, signal: AbortSignal = scope.signal): Scope {
  return { run: scope.run, prefix, signal };
}
