import { abortedAt, toStepError } from "../errors/step-failures.js";
import { WorkflowAbortError } from "../errors/workflow-abort-error.js";
import { PauseSignal } from "../run/pause-signal.js";
import type { Scope } from "../steps/scope.js";
import type { WorkflowStepKind } from "../steps/step.js";

/**
 * Runs a composite step (parallel, branch, loop, map, graph) under its path: refuses to start
 * after an abort and emits its start, finish, failure or pause when anyone listens.
 */
export async function executeComposite<Output>(kind: WorkflowStepKind, name: string, scope: Scope, work: (path: string) => Promise<Output>): Promise<Output> {
  const path = `${scope.prefix}/${name}`;
  if (scope.signal.aborted) throw abortedAt(path, scope.signal);
  const { run } = scope;
  const observed = run.observed;
  const started = observed ? performance.now() : 0;
  if (observed) run.emit({ type: "step-start", path, name, kind });
  try {
    const output = await work(path);
    if (observed) run.emit({ type: "step-finish", path, name, kind, output, durationMs: performance.now() - started, replayed: false });
    return output;
  } catch (thrown) {
    if (thrown instanceof PauseSignal) {
      if (observed) run.emit({ type: "step-pause", path, name, kind, pending: thrown.pending });
      throw thrown;
    }
    // A condition, `next` or `until` that threw fails this step; errors of its children keep their paths.
    const error = WorkflowAbortError.isInstance(thrown) ? thrown : toStepError(thrown, path);
    if (observed) run.emit({ type: "step-fail", path, name, kind, error, durationMs: performance.now() - started });
    throw error;
  }
}
