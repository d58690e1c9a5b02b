import type { StepRecord } from "../executor/step-executor.js";
import { WorkflowStateError } from "../errors/workflow-state-error.js";
import type { PendingPause } from "./pending-pause.js";

/**
 * A workflow run as plain JSON: its input and a record of every step that ended (outputs,
 * failures, and the pauses with their agents' snapshots). Store it anywhere; give it to
 * `workflow.resume(state, values)` in this process or another to continue the run.
 *
 * @example
 * await writeFile("run.json", JSON.stringify(result.state));
 * const resumed = await flow.resume(JSON.parse(await readFile("run.json", "utf8")), { [pending.id]: approve() });
 */
export interface WorkflowState {
  format: "sluice.workflow";
  version: 1;
  /** The name of the workflow that made it; only that workflow resumes it. */
  workflow: string;
  runId: string;
  /** The input the run started with (replayed from the start on resume). */
  input: unknown;
  /** Every step that ended, by path. */
  records: Record<string, StepRecord>;
}

/** The pauses of a state: what `resume` can be given values for. */
export function pendingOf(state: WorkflowState): PendingPause[] {
  return Object.values(state.records).flatMap((record) => (record.status === "paused" ? record.pause.pending : []));
}

/** Checks a state and resume values before anything runs; a problem throws `WorkflowStateError`. */
export function checkResume(state: unknown, workflow: string, values: unknown): WorkflowState {
  if (typeof state !== "object" || state === null || (state as WorkflowState).format !== "sluice.workflow") {
    throw new WorkflowStateError('Not a workflow state (expected format "sluice.workflow"). Pass the `state` of a workflow result, as it was or after JSON.parse.');
  }
  const given = state as WorkflowState;
  if (given.version !== 1) throw new WorkflowStateError(`Workflow state version ${String(given.version)} is not supported; this version reads version 1.`);
  if (given.workflow !== workflow) throw new WorkflowStateError(`This state belongs to the workflow "${String(given.workflow)}", not "${workflow}".`);
  if (typeof given.runId !== "string" || given.runId === "") throw new WorkflowStateError("The workflow state has no runId.");
  if (typeof given.records !== "object" || given.records === null || Array.isArray(given.records)) throw new WorkflowStateError("The workflow state's records must be an object of step records by path.");
  for (const [path, record] of Object.entries(given.records)) {
    const status = (record as { status?: unknown } | null)?.status;
    if (status !== "done" && status !== "failed" && status !== "paused") {
      throw new WorkflowStateError(`The record of step "${path}" is damaged: status must be "done", "failed" or "paused".`);
    }
    if (status === "paused" && !Array.isArray((record as { pause?: { pending?: unknown } }).pause?.pending)) {
      throw new WorkflowStateError(`The record of paused step "${path}" is damaged: it lists nothing it waits for.`);
    }
  }
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw new WorkflowStateError("resume values must be an object: { [pending.id]: value } for the pauses in result.pending.");
  }
  const pending = new Set(pendingOf(given).map((entry) => entry.id));
  const unknown = Object.keys(values).filter((id) => !pending.has(id));
  if (unknown.length > 0) {
    const waiting = pending.size === 0 ? "nothing (the run is not paused)" : [...pending].join(", ");
    throw new WorkflowStateError(`No paused step waits for ${unknown.join(", ")}; the run waits for ${waiting}.`);
  }
  return given;
}
