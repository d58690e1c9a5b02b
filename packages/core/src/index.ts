// Public API of @sluice/core. tsyringe is not loaded here: `registerSluice` is in `@sluice/core/di`.

// Bedrock's Converse types are the message format.
export type * from "./types.js";

// Errors
export * from "./errors/index.js";

// Model contract and the Converse implementation
export type { Model, ModelRequest, ModelResponse, ModelCallOptions } from "./model/model.js";
export { ConverseModel } from "./model/converse-model.js";
export { createBedrockClient, type BedrockClientOptions } from "./client/create-bedrock-client.js";
export { compatibleClient } from "./client/compatible-client.js";

// Models: ID parsing, capabilities, application inference profiles
export { parseModelId, baseModelId, isApplicationProfileArn, type ParsedModelId } from "./models/parse-model-id.js";
export type {
  CacheTtl,
  CachePointField,
  ModelCapabilities,
  ModelCapabilityOverride,
  PromptCachingCapability,
  ReasoningCapability,
  ReasoningMode,
  ServiceTierName,
} from "./models/model-capabilities.js";
export {
  ModelCapabilityRegistry,
  defaultCapabilityRegistry,
  modelCapabilities,
  type InferenceProfileLookup,
  type ModelCapabilityRegistryOptions,
  type ResolvedModel,
} from "./models/model-capability-registry.js";
export { inferenceProfileResolver, type ControlPlaneClient, type InferenceProfileResolverOptions } from "./models/inference-profile-resolver.js";
export { ModelCapabilityError } from "./models/model-capability-error.js";

// Middleware pipeline
export { ModelResult, type ModelResultObserver } from "./middleware/model-result.js";
export type { ModelCall, ModelCallState, ModelMiddleware, ModelNext, ModelNextOptions } from "./middleware/model-middleware.js";
export type {
  ToolCall,
  ToolCallInterrupt,
  ToolCallOutcome,
  ToolCallResult,
  ToolCallState,
  ToolMiddleware,
  ToolNext,
  ToolNextArgs,
} from "./middleware/tool-middleware.js";
export type { Middleware, MiddlewareObject } from "./middleware/middleware.js";
export type { AgentRun, RunMiddleware, RunNext } from "./middleware/run-middleware.js";
export type { StepCall, StepCallState, StepKind, StepMiddleware, StepNext, StepOutcome } from "./middleware/step-middleware.js";
export { compose, type Layer, type WrapPoint } from "./middleware/compose.js";

// Conversation state
export { Conversation, type ConversationInit, type ConversationSnapshot } from "./conversation/conversation.js";
export { checkRequest } from "./conversation/request-rules.js";
export type { Usage } from "./conversation/usage.js";
export {
  InMemoryConversationStore,
  type ConversationStore,
  type ConversationSaveOptions,
  type SavedConversation,
  type StoredConversation,
} from "./conversation/conversation-store.js";

// Tools contract
export type { AgentTool, ToolContext, ToolOutput } from "./tools/agent-tool.js";
export type { RunContext, ServiceResolver } from "./agent/run-context.js";
export { ToolRegistry } from "./tools/tool-registry.js";

// Logging and time
export { type Logger, consoleLogger } from "./logging/logger.js";
export { createRedactor, type RedactionOptions } from "./logging/redactor.js";
export type { Clock } from "./logging/clock.js";

// Dependency injection (the tokens; `registerSluice` is in `@sluice/core/di`)
export { Tokens } from "./di/tokens.js";

// The agent
export { Agent, type AgentStream, type RunOptions } from "./agent/agent.js";
export type { AgentOptions } from "./agent/agent-options.js";
export type { AgentInput } from "./agent/agent-input.js";
export type { AgentResult, AgentRunStatus, AgentStep, PendingInterrupt, ToolCallRecord } from "./agent/agent-result.js";
export type { AgentSnapshot, PausedRunSnapshot } from "./agent/agent-snapshot.js";
export type * from "./agent/agent-events.js";
export { createModelPipeline } from "./middleware/compose.js";
