import { ServiceError, validationError } from "../errors/service-error.js";
import type { ModelTurn } from "../families/model-family.js";
import type { ResolvedModel } from "../models/model-catalog.js";
import { capabilitiesFor } from "../models/model-capabilities.js";
import type { ModelCapabilities } from "../models/model-capabilities.js";
import type { EmulatorState } from "../server/emulator-state.js";
import type { WireConverseRequest } from "../wire/converse-types.js";
import { checkCachePoints } from "./check-cache-points.js";
import { checkClaudeThinking } from "./check-claude-thinking.js";
import { checkStructuredOutput } from "./check-structured-output.js";

/** The model a request is served by: its base ID (when known) and what it accepts. */
export function modelCapabilities(state: EmulatorState, model: ResolvedModel): ModelCapabilities {
  return capabilitiesFor(model.baseModelId ?? model.modelId, state.capabilityOverrides);
}

const isClaude = (model: ResolvedModel) => (model.baseModelId ?? "").startsWith("anthropic.claude");

/**
 * The checks that depend on the model rather than on the request's shape: cache points, native
 * structured output and strict tools, thinking, service tier. Throws the service's error.
 *
 * @example
 * checkModelFeatures(request, context.model, context.state);
 */
export function checkModelFeatures(request: WireConverseRequest, model: ResolvedModel, state: EmulatorState): void {
  const capabilities = modelCapabilities(state, model);
  const body = request as unknown as Record<string, unknown>;
  const modelId = model.baseModelId ?? model.modelId;
  checkCachePoints(request, capabilities, isClaude(model));
  checkStructuredOutput(body, modelId, capabilities);
  checkClaudeThinking(body, modelId, capabilities);
  const tier = request.serviceTier?.type;
  // As reported live: a reserved tier without a reservation, and a tier the service does not know.
  if (tier === "reserved") throw validationError("Reservation not found.");
  if (tier !== undefined && !["default", "flex", "priority"].includes(tier)) throw validationError("service tier provided is invalid");
}

/**
 * The turn's usage with the prompt cache applied, unless the script fixed the usage itself:
 * cache reads and writes for a model with prompt caching (in the fields that model reports).
 *
 * @example
 * turn.usage = cachedUsage(turn, request, context.model, context.state);
 */
export function cachedUsage(turn: ModelTurn, request: WireConverseRequest, model: ResolvedModel, state: EmulatorState): ModelTurn["usage"] {
  const caching = modelCapabilities(state, model).promptCaching;
  if (caching === undefined || turn.scriptedUsage === true) return turn.usage;
  return state.promptCache.account(request, model.baseModelId ?? model.modelId, caching, turn.usage);
}

/**
 * CountTokens on bedrock-runtime takes a bare foundation-model ID of a model that counts tokens;
 * inference-profile IDs and other models are refused in the service's words.
 *
 * @example
 * checkCountTokens(context.model, context.state);
 */
export function checkCountTokens(model: ResolvedModel, state: EmulatorState): void {
  const viaProfile = model.baseModelId !== undefined && model.baseModelId !== model.modelId && !model.modelId.includes(":foundation-model/");
  if (viaProfile || !modelCapabilities(state, model).countTokens) {
    throw new ServiceError("ValidationException", "The provided model doesn't support counting tokens.");
  }
}
