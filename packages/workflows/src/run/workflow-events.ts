import type { AgentEvent, Usage } from "@sluice/core";
import type { WorkflowStepKind } from "../steps/step.js";
import type { PendingPause } from "./pending-pause.js";
import type { WorkflowResult } from "./workflow-result.js";

/** A workflow run started (or resumed from a paused state). */
export interface WorkflowStartEvent {
  type: "workflow-start";
  workflow: string;
  runId: string;
  resumed: boolean;
}

/** A step started: a leaf (function, agent, tool) or a composite (parallel, loop, map…). */
export interface WorkflowStepStartEvent {
  type: "step-start";
  /** The step's identity, e.g. `report/refine[2]/write`. */
  path: string;
  name: string;
  kind: WorkflowStepKind;
}

/** A step finished with its output; `replayed` when its output came from the journal of an earlier run. */
export interface WorkflowStepFinishEvent {
  type: "step-finish";
  path: string;
  name: string;
  kind: WorkflowStepKind;
  output: unknown;
  durationMs: number;
  replayed: boolean;
  /** Tokens the step's agents used (agent steps, hand-offs, supervisors). */
  usage?: Usage;
}

/** A step failed; `error` is what the run rejects with unless a `collect` policy catches it. */
export interface WorkflowStepFailEvent {
  type: "step-fail";
  path: string;
  name: string;
  kind: WorkflowStepKind;
  error: unknown;
  durationMs: number;
}

/** A step paused, waiting for `workflow.resume(state, values)`. */
export interface WorkflowStepPauseEvent {
  type: "step-pause";
  path: string;
  name: string;
  kind: WorkflowStepKind;
  pending: PendingPause[];
}

/** An event of an agent running inside a step (text deltas, tool calls…), tagged with the step's path. */
export interface WorkflowStepAgentEvent {
  type: "agent-event";
  path: string;
  /** The agent's event, as `agent.stream()` yields it. */
  event: AgentEvent;
}

/** The run ended, complete or paused (a failure rejects the run instead). */
export interface WorkflowFinishEvent {
  type: "workflow-finish";
  result: WorkflowResult<unknown>;
}

/** Every event of a workflow run, discriminated by `type`. */
export type WorkflowEvent = WorkflowStartEvent | WorkflowStepStartEvent | WorkflowStepFinishEvent | WorkflowStepFailEvent | WorkflowStepPauseEvent | WorkflowStepAgentEvent | WorkflowFinishEvent;

/** The listener map of `workflow.on(...)`: one entry per event type. */
export type WorkflowEventMap = {
  [Type in WorkflowEvent["type"]]: (event: Extract<WorkflowEvent, { type: Type }>) => void;
};
