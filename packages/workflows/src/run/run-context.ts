import { type Middleware, type StepCall, type StepOutcome, type TokenUsage, type Usage } from "@sluice/core";
import { addUsage, emptyUsage } from "@sluice/core/internal";
import type { StepExecutor } from "../executor/step-executor.js";
import type { WorkflowEvent } from "./workflow-events.js";

/** A step call carrying the step's own work, for the composed step middleware's innermost layer. */
export type StepCallWithWork = StepCall & { readonly [performStep]: (input: unknown) => Promise<StepOutcome> };
export const performStep = Symbol("sluice.workflows.perform-step");

/** The step middleware composed once per workflow, or undefined when there is none. */
export type StepLayers = ((call: StepCallWithWork) => Promise<StepOutcome>) | undefined;

/** What one workflow run shares with all its steps. */
export interface RunContextInit {
  workflow: string;
  runId: string;
  executor: StepExecutor;
  stepLayers: StepLayers;
  middleware: readonly Middleware[];
  emit: (event: WorkflowEvent) => void;
  /** Whether anyone reads the events (a stream or listeners); without, none are built. */
  observed: boolean;
  /** Whether anyone reads agents' events; agent steps then stream. */
  wantsAgentEvents: boolean;
  /** The run's token total, shared with the contexts of nested workflows. */
  usage?: Usage;
}

/** The state of one workflow run: its identity, executor, middleware, events and token usage. */
export class RunContext {
  readonly workflow: string;
  readonly runId: string;
  readonly executor: StepExecutor;
  readonly stepLayers: StepLayers;
  readonly middleware: readonly Middleware[];
  readonly emit: (event: WorkflowEvent) => void;
  readonly observed: boolean;
  readonly wantsAgentEvents: boolean;
  readonly usage: Usage;

  constructor(init: RunContextInit) {
    this.workflow = init.workflow;
    this.runId = init.runId;
    this.executor = init.executor;
    this.stepLayers = init.stepLayers;
    this.middleware = init.middleware;
    this.emit = init.emit;
    this.observed = init.observed;
    this.wantsAgentEvents = init.wantsAgentEvents;
    this.usage = init.usage ?? emptyUsage();
  }

  /** The same run, for a nested workflow with middleware of its own (added inside the outer ones). */
  nested(stepLayers: StepLayers, middleware: readonly Middleware[]): RunContext {
    return new RunContext({ ...this, stepLayers, middleware });
  }

  addUsage(usage: TokenUsage | undefined): void {
    addUsage(this.usage, usage);
  }
}
