import type { StepKind } from "@sluice/core";
import type { Scope } from "./scope.js";

/** Runs a step inside a workflow run; hidden from users (not exported from the package). */
export const runStep = Symbol("sluice.workflows.run-step");
/** The names a step takes up among its siblings (a sequence has none of its own: its children's). */
export const stepNames = Symbol("sluice.workflows.step-names");

/** Every kind of step: the leaves and workflows a `step` middleware wraps, and the composites. */
export type WorkflowStepKind = StepKind | "parallel" | "branch" | "loop" | "map" | "sequence" | "graph" | "handoff" | "supervisor";

/**
 * A workflow step that takes `Input` and gives `Output`: a function, agent or tool step, a
 * composite of steps (sequence, parallel, branch, loop, map, graph), or a whole workflow. Steps
 * are values: build them once, compose them, run them with `workflow(...)`.
 *
 * @example
 * const shout: Step<string, string> = step({ name: "shout", run: (text: string) => text.toUpperCase() });
 */
export interface Step<Input, Output> {
  /** The step's name, unique among its siblings; the last part of its path. Empty for a sequence. */
  readonly name: string;
  readonly kind: WorkflowStepKind;
  /** @internal Runs the step in a workflow run. */
  readonly [runStep]: (input: Input, scope: Scope) => Promise<Output>;
  /** @internal The names this step takes up among its siblings. */
  readonly [stepNames]: readonly NamedStep[];
}

/** A name a step takes up, with the step that holds it (the same step may sit in two arms of a branch). */
export interface NamedStep {
  readonly name: string;
  readonly step: object;
}

/**
 * Any step, whatever its types.
 *
 * @example
 * const steps: AnyStep[] = [research, write];
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStep = Step<any, any>;

/**
 * The input type of a step.
 *
 * @example
 * type In = StepInput<typeof research>; // { topic: string }
 */
export type StepInput<S> = S extends Step<infer Input, unknown> ? Input : never;

/**
 * The output type of a step.
 *
 * @example
 * type Out = StepOutput<typeof research>; // string
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StepOutput<S> = S extends Step<any, infer Output> ? Output : never;
