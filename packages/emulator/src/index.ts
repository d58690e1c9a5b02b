// Server
export { startEmulator } from "./server/start-emulator.js";
export type { Emulator } from "./server/emulator.js";
export type { EmulatorClientOptions, EmulatorEnvironment } from "./server/emulator-client-options.js";
export type { EmulatorOptions, ResolvedStreamingOptions } from "./server/emulator-options.js";
export type { OperationName } from "./server/operation-name.js";

// Scripted model
export { ScriptedModel, runScriptedModel } from "./scripts/scripted-model.js";
export { estimateTokens } from "./scripts/token-estimate.js";
export type {
  ModelScript,
  ScriptDefinition,
  ScriptMatch,
  ScriptRule,
  ScriptedReasoning,
  ScriptedReply,
  ScriptedToolCall,
  StreamingOptions,
} from "./scripts/script-types.js";

// Model capabilities
export { capabilitiesFor } from "./models/model-capabilities.js";
export type { CacheTtl, ModelCapabilities, PromptCachingCapability } from "./models/model-capabilities.js";

// Inference profiles and API keys
export type { InferenceProfile, InferenceProfileDeclaration, EmulatorAccount } from "./profiles/inference-profile.js";
export type { ApiKey } from "./server/api-keys.js";

// Faults
export type { FaultEffect, FaultRule } from "./faults/fault-types.js";
export type { FaultDecision } from "./faults/fault-injector.js";

// Errors
export { bedrockExceptions } from "./errors/exception-table.js";
export type { BedrockExceptionName, ExceptionDefinition } from "./errors/exception-table.js";
export { ServiceError } from "./errors/service-error.js";
export { EmulatorConfigurationError } from "./errors/emulator-configuration-error.js";

// Inspection
export type { RecordedRequest } from "./inspection/recorded-request.js";

// Models and wire formats
export type { FamilyResolver, ResolvedModel } from "./models/model-catalog.js";
export type { ParsedModelIdentifier } from "./models/model-identifier.js";
export type { EmbeddingResult, ModelFamily, ModelTurn, RenderContext } from "./families/model-family.js";
export { NativeBodyError, STREAMING_UNSUPPORTED_MESSAGE } from "./families/model-family.js";
export { families, UnknownFamilyError } from "./families/resolve-family.js";
export type { StreamEvent } from "./converse/converse-stream-events.js";
export type * from "./wire/converse-types.js";
