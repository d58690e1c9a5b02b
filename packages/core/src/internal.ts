// Helpers Sluice's own packages share: `import { … } from "@sluice/core/internal"`. Not part of the
// public API: these may change in any release.

export { addUsage, emptyUsage } from "./conversation/usage.js";
export { checkMessage } from "./conversation/message-rules.js";
export { checkContentBlock, checkSystemBlocks } from "./conversation/content-rules.js";
export { assertToolName } from "./tools/tool-registry.js";
export { toolContextOf } from "./tools/tool-context-of.js";
export { canAbort } from "./agent/never-aborted-signal.js";
export { defaultMaxSteps, defaultToolConcurrency, defaultToolTimeoutMs } from "./agent/agent-options.js";
export { validateInferenceConfig, validateModelId, isPromptArn } from "./agent/validate-options.js";
export { describeThrown } from "./errors/describe-thrown.js";
export { retryableBedrockErrors } from "./errors/bedrock-error.js";
export { sendWithSignal, translateSendError } from "./model/send-with-signal.js";
export { ResponseAssembler, parseToolInput } from "./model/response-assembler.js";
export { responseToEvents } from "./model/response-events.js";
export { silentLogger } from "./logging/logger.js";
export { redactingLogger } from "./logging/redacting-logger.js";
export { systemClock } from "./logging/clock.js";
export { serviceTierNames } from "./models/model-capabilities.js";
