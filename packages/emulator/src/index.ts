// Server
export { startEmulator } from "./server/start-emulator.js";
export type { Emulator } from "./server/emulator.js";
export type { EmulatorClientOptions, EmulatorEnvironment } from "./server/emulator-client-options.js";
export type { EmulatorOptions, ResolvedStreamingOptions } from "./server/emulator-options.js";
export type { OperationName } from "./server/operation-name.js";
export { operationNames, isStreamingOperation } from "./server/operation-name.js";

// Scripted model
export { ScriptedModel, runScriptedModel } from "./scripts/scripted-model.js";
export { echoReply } from "./scripts/echo-reply.js";
export { buildModelTurn } from "./scripts/build-model-turn.js";
export { estimateTokens, estimateInputTokens } from "./scripts/token-estimate.js";
export { generateToolUseId } from "./scripts/tool-use-id.js";
export { loadScriptFile } from "./scripts/load-script-file.js";
export { validateScript } from "./scripts/validate-script.js";
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
export { InferenceProfileRegistry } from "./profiles/inference-profile-registry.js";
export { ApiKeys, API_KEY_REJECTED_BODY } from "./server/api-keys.js";
export type { ApiKey } from "./server/api-keys.js";

// Faults
export type { FaultEffect, FaultRule } from "./faults/fault-types.js";
export { FaultInjector } from "./faults/fault-injector.js";
export type { FaultDecision } from "./faults/fault-injector.js";
export { seededRandom } from "./faults/seeded-random.js";

// Errors
export { bedrockExceptions, bedrockExceptionNames, findException } from "./errors/exception-table.js";
export type { BedrockExceptionName, ExceptionDefinition } from "./errors/exception-table.js";
export { ServiceError, validationError } from "./errors/service-error.js";
export { EmulatorConfigurationError } from "./errors/emulator-configuration-error.js";

// Inspection
export type { RecordedRequest } from "./inspection/recorded-request.js";

// Models and wire formats
export { ModelCatalog } from "./models/model-catalog.js";
export type { FamilyResolver, ResolvedModel } from "./models/model-catalog.js";
export { parseModelIdentifier, stripInferenceProfilePrefix } from "./models/model-identifier.js";
export type { ParsedModelIdentifier } from "./models/model-identifier.js";
export type { EmbeddingResult, ModelFamily, ModelTurn, RenderContext } from "./families/model-family.js";
export { NativeBodyError, STREAMING_UNSUPPORTED_MESSAGE } from "./families/model-family.js";
export { families, resolveFamily, UnknownFamilyError } from "./families/resolve-family.js";
export { validateConverseRequest } from "./converse/validate-converse-request.js";
export { converseStreamEvents } from "./converse/converse-stream-events.js";
export type { StreamEvent } from "./converse/converse-stream-events.js";
export { renderConverseResponse } from "./converse/render-converse-response.js";
export { EventStreamEncoder } from "./wire/event-stream-encoder.js";
export { stringifyServiceJson } from "./wire/stringify-service-json.js";
export type * from "./wire/converse-types.js";
