import type { AgentSnapshot, StepKind, Usage } from "@sluice/core";
import type { PendingPause } from "../run/pending-pause.js";

/** One step execution as the executor sees it; `path` is its deterministic identity within the run. */
export interface StepExecution {
  readonly workflow: string;
  readonly runId: string;
  /** e.g. `report/refine[2]/write`: the same on every replay of the run, so it keys the step's record. */
  readonly path: string;
  readonly name: string;
  readonly kind: StepKind;
}

/** A failure as the journal keeps it (plain JSON), enough to throw the same typed error on replay. */
export interface StepFailure {
  code: string;
  message: string;
  path: string;
  /** The name of what the step threw (e.g. `BedrockError`). */
  causeName?: string;
  /** For validation failures: which boundary and what the schema found. */
  boundary?: string;
  issues?: unknown[];
}

/** A paused step as the journal keeps it: what it waits for, and what it needs to continue. */
export interface StepPauseRecord {
  reason: string;
  data?: unknown;
  /** What the step waits for; it continues once every one of them has a value. */
  pending: PendingPause[];
  /** The paused agent's snapshot (agent steps): its conversation and the paused run. */
  agent?: AgentSnapshot;
}

/**
 * How a step execution ended, as plain JSON. A durable engine stores it as the step's result;
 * replaying the run returns it instead of running the step again.
 */
export type StepRecord =
  | { status: "done"; output: unknown; usage?: Usage; agent?: AgentSnapshot }
  | { status: "failed"; error: StepFailure }
  | { status: "paused"; pause: StepPauseRecord };

/** Continues a paused step: its pause record and a value for each thing it waits for. */
export interface StepResumption {
  pause: StepPauseRecord;
  values: Record<string, unknown>;
}

/** Runs the step (middleware included) and returns its record; it throws only when the run is aborted. */
export type StepBody = (resumption?: StepResumption) => Promise<StepRecord>;

/**
 * Every step execution of a workflow run goes through one executor. The in-memory one (the
 * default) keeps a journal keyed by path: a step with a record is not run again, which is how a
 * resumed run skips what was done. A durable engine implements the same interface, making each
 * call of `execute` one durable step named by `execution.path`.
 *
 * @example
 * const logged: StepExecutor = { execute: async (execution, body) => { console.log(execution.path); return body(); } };
 */
export interface StepExecutor {
  /** Runs `body` for this step, or returns its recorded outcome without running it. */
  execute(execution: StepExecution, body: StepBody): Promise<StepRecord>;
  /** The records to keep in the workflow state when the run pauses or ends (a durable engine that keeps its own may leave it out). */
  records?(): Record<string, StepRecord>;
}

/** What an executor factory gets at the start of a run. */
export interface StepExecutorContext {
  readonly workflow: string;
  readonly runId: string;
  /** The records of the state being resumed (empty for a new run). */
  readonly records: Readonly<Record<string, StepRecord>>;
  /** The values given to `resume`, by pending id (empty for a new run). */
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Makes the executor of one workflow run.
 *
 * @example
 * const run = await flow.run(input, { executor: (context) => new InMemoryStepExecutor(context) });
 */
export type StepExecutorFactory = (context: StepExecutorContext) => StepExecutor;
