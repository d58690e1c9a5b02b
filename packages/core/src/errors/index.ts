export { SluiceError, type RollbackInfo } from "./sluice-error.js";
export { ConfigurationError } from "./configuration-error.js";
export { ConversationValidationError } from "./conversation-error.js";
export { AbortError } from "./abort-error.js";
export { MiddlewareError } from "./middleware-error.js";
export { BedrockError, retryableBedrockErrors } from "./bedrock-error.js";
export { AgentBusyError, AgentRunError, ToolExecutionError, type ToolFailureReason } from "./agent-errors.js";
