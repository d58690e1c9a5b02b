// Public API of @sluice/workflows: typed steps, their composition, multi-agent patterns, and runs that pause and resume.

// Steps
export type { Step, AnyStep, StepInput, StepOutput, WorkflowStepKind } from "./steps/step.js";
export { step, type FunctionStepOptions, type StepContext } from "./steps/function-step.js";
export { agentStep, type AgentStepOptions, type AgentStepContext, type AgentSource } from "./steps/agent-step.js";
export { toolStep, type ToolStepOptions, type ToolStepInput } from "./steps/tool-step.js";

// Composition
export { sequence, type CheckedSequence, type SequenceChain } from "./compose/sequence.js";
export { parallel, type ParallelBranches, type ParallelInput, type ParallelOutput, type ParallelSettled } from "./compose/parallel.js";
export { branch, type BranchCases, type BranchInput, type BranchOptions, type BranchOutput } from "./compose/branch.js";
export { loop, type LoopOptions, type LoopResult } from "./compose/loop.js";
export { map, type MapOptions } from "./compose/map.js";
export type { ConcurrencyOptions, FailurePolicy, Settled } from "./compose/run-limited.js";
export { graph, END, type GraphEdge, type GraphNode, type GraphOptions } from "./compose/graph.js";

// Multi-agent patterns
export { agentTool, type AgentToolOptions } from "./agents/agent-tool.js";
export { handoff, type HandoffOptions, type HandoffResult, type Specialist, type TriageContext } from "./agents/handoff.js";
export { supervisor, type SupervisorOptions, type SupervisorContext, type Worker } from "./agents/supervisor.js";

// Running
export { workflow, Workflow, type WorkflowOptions, type WorkflowRunOptions, type WorkflowStream } from "./run/workflow.js";
export type { WorkflowResult } from "./run/workflow-result.js";
export type { WorkflowState } from "./run/workflow-state.js";
export type { PendingPause } from "./run/pending-pause.js";
export type {
  WorkflowEvent,
  WorkflowEventMap,
  WorkflowStartEvent,
  WorkflowFinishEvent,
  WorkflowStepStartEvent,
  WorkflowStepFinishEvent,
  WorkflowStepFailEvent,
  WorkflowStepPauseEvent,
  WorkflowStepAgentEvent,
} from "./run/workflow-events.js";

// Step executors (the seam for durable engines)
export type {
  StepExecutor,
  StepExecutorFactory,
  StepExecutorContext,
  StepExecution,
  StepBody,
  StepRecord,
  StepFailure,
  StepPauseRecord,
  StepResumption,
} from "./executor/step-executor.js";
export { InMemoryStepExecutor } from "./executor/in-memory-step-executor.js";

// Errors
export { WorkflowError } from "./errors/workflow-error.js";
export { StepFailedError } from "./errors/step-failed-error.js";
export { StepValidationError, type StepBoundary } from "./errors/step-validation-error.js";
export { LoopLimitError } from "./errors/loop-limit-error.js";
export { WorkflowStateError } from "./errors/workflow-state-error.js";
export { WorkflowAbortError } from "./errors/workflow-abort-error.js";
