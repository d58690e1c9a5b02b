import type { AgentSnapshot, StepCall, StepOutcome, Usage } from "@sluice/core";
import { abortedAt, errorFromRecord, failureRecord, toStepError } from "../errors/step-failures.js";
import type { StepBody, StepPauseRecord, StepRecord, StepResumption } from "../executor/step-executor.js";
import { PauseSignal } from "../run/pause-signal.js";
import { performStep, type StepCallWithWork } from "../run/run-context.js";
import type { Scope } from "./scope.js";

/** What a leaf step's own work gives: its output (with the usage and agent state to record), or a pause. */
export type LeafResult =
  | { type: "output"; output: unknown; usage?: Usage; agent?: AgentSnapshot }
  | { type: "paused"; pause: StepPauseRecord };

/** What a leaf step's work gets besides its input. */
export interface LeafContext {
  readonly path: string;
  readonly signal: AbortSignal;
  readonly scope: Scope;
  /** Set when the step paused earlier and now continues with the values it waited for. */
  readonly resumption: StepResumption | undefined;
}

/** A function, agent or tool step: the steps that go through the executor one by one. */
export interface Leaf {
  readonly name: string;
  readonly kind: "function" | "agent" | "tool";
  /** The step's work: check the input, run, check the output. */
  perform(input: unknown, context: LeafContext): Promise<LeafResult>;
  /** Re-applies what a replayed step left behind (a shared agent's conversation). */
  replay?(record: Extract<StepRecord, { status: "done" }>): void;
}

/**
 * Runs one leaf step: through the executor (which may replay it from the journal), inside it the
 * step middleware, innermost the step's work. Emits the step's events, adds its usage to the
 * run, and turns its record into the output, a typed error, or a pause signal.
 */
export async function executeLeaf(leaf: Leaf, input: unknown, scope: Scope): Promise<unknown> {
  const { run, signal } = scope;
  const path = `${scope.prefix}/${leaf.name}`;
  if (signal.aborted) throw abortedAt(path, signal);
  const observed = run.observed;
  const started = observed ? performance.now() : 0;
  if (observed) run.emit({ type: "step-start", path, name: leaf.name, kind: leaf.kind });
  let ran = false;
  let liveError: unknown;
  const body: StepBody = async (resumption) => {
    ran = true;
    try {
      return await runBody(leaf, input, path, scope, resumption);
    } catch (error) {
      if (signal.aborted) throw abortedAt(path, signal);
      const failure = toStepError(error, path);
      liveError = failure;
      return { status: "failed", error: failureRecord(failure, path) };
    }
  };
  let record: StepRecord;
  try {
    record = await run.executor.execute({ workflow: run.workflow, runId: run.runId, path, name: leaf.name, kind: leaf.kind }, body);
  } catch (error) {
    const failure = signal.aborted ? abortedAt(path, signal) : toStepError(error, path);
    if (observed) run.emit({ type: "step-fail", path, name: leaf.name, kind: leaf.kind, error: failure, durationMs: performance.now() - started });
    throw failure;
  }
  if (record.status === "done") {
    if (!ran) leaf.replay?.(record);
    if (record.usage) run.addUsage(record.usage);
    if (observed) {
      run.emit({
        type: "step-finish",
        path,
        name: leaf.name,
        kind: leaf.kind,
        output: record.output,
        durationMs: performance.now() - started,
        replayed: !ran,
        ...(record.usage && { usage: record.usage }),
      });
    }
    return record.output;
  }
  if (record.status === "failed") {
    const failure = liveError ?? errorFromRecord(record.error);
    if (observed) run.emit({ type: "step-fail", path, name: leaf.name, kind: leaf.kind, error: failure, durationMs: performance.now() - started });
    throw failure;
  }
  if (observed) run.emit({ type: "step-pause", path, name: leaf.name, kind: leaf.kind, pending: record.pause.pending });
  throw new PauseSignal(record.pause.pending);
}

async function runBody(leaf: Leaf, input: unknown, path: string, scope: Scope, resumption: StepResumption | undefined): Promise<StepRecord> {
  if (scope.signal.aborted) throw abortedAt(path, scope.signal);
  const context: LeafContext = { path, signal: scope.signal, scope, resumption };
  let result: LeafResult | undefined;
  const perform = async (value: unknown): Promise<StepOutcome> => {
    result = await leaf.perform(value, context);
    return result.type === "output" ? { type: "output", output: result.output } : { type: "paused", reason: result.pause.reason, data: result.pause.data };
  };
  const layers = scope.run.stepLayers;
  const outcome = layers ? await layers(stepCall(leaf.kind, leaf.name, path, input, scope, resumption !== undefined, perform)) : await perform(input);
  const finished = result as LeafResult | undefined;
  if (outcome.type === "output") {
    const details = finished?.type === "output" ? finished : undefined;
    return { status: "done", output: outcome.output, ...(details?.usage && { usage: details.usage }), ...(details?.agent && { agent: details.agent }) };
  }
  if (finished?.type === "paused") return { status: "paused", pause: finished.pause };
  // A middleware paused the step itself: it waits for a value under its own path.
  const pending = { id: path, path, kind: "step" as const, reason: outcome.reason, ...(outcome.data !== undefined && { data: outcome.data }) };
  return { status: "paused", pause: { reason: outcome.reason, ...(outcome.data !== undefined && { data: outcome.data }), pending: [pending] } };
}

/** The call a step middleware sees, carrying the step's work for the innermost layer. */
export function stepCall(
  kind: StepCall["kind"],
  name: string,
  path: string,
  input: unknown,
  scope: Scope,
  resuming: boolean,
  perform: (input: unknown) => Promise<StepOutcome>,
): StepCallWithWork {
  return { workflow: scope.run.workflow, runId: scope.run.runId, path, name, kind, input, signal: scope.signal, state: {}, resuming, [performStep]: perform };
}
