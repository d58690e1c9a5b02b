// Public API of @sluice/dbos: durable agent runs and workflows on DBOS Transact (PostgreSQL).

// Agents
export { durableMiddleware, modelStepName, toolStepName } from "./agent/durable-middleware.js";
export { durableAgent, type DurableAgent, type DurableAgentOptions, type DurableStartOptions } from "./agent/durable-agent.js";
export { toolIdempotencyKey } from "./agent/tool-idempotency-key.js";

// Workflows
export { dbosStepExecutor } from "./workflows/dbos-step-executor.js";
export { durableWorkflow, type DurableWorkflow, type DurableWorkflowOptions, type DurableWorkflowResult } from "./workflows/durable-workflow.js";

// Runs, pauses and queues
export type { DurableRunHandle } from "./shared/durable-handle.js";
export { answerDurableRun, durablePending } from "./pause/answer-durable-run.js";
export { pendingEventKey, resumeTopic, type DurablePending } from "./pause/durable-pending.js";
export { registerModelQueue, modelQueueName, type ModelQueue, type ModelQueueLimits } from "./queues/model-queue.js";
export { toDurableJson, fromDurableJson } from "./codec/durable-json.js";

// Errors
export { DurableConfigurationError } from "./errors/durable-error.js";
export { DurableWaitTimeoutError } from "./errors/durable-wait-timeout-error.js";
