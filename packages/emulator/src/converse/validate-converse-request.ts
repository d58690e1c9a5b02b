import { ServiceError, validationError } from "../errors/service-error.js";
import type { WireConverseRequest } from "../wire/converse-types.js";
import { checkConversation } from "./check-conversation.js";
import { conversationRulesFor } from "./model-conversation-rules.js";
import { checkConverseConstraints } from "./check-converse-constraints.js";
import { isJsonObject } from "../wire/is-json-object.js";

const converseMembers = new Set([
  "messages",
  "system",
  "inferenceConfig",
  "toolConfig",
  "guardrailConfig",
  "additionalModelRequestFields",
  "additionalModelResponseFieldPaths",
  "promptVariables",
  "requestMetadata",
  "performanceConfig",
  "serviceTier",
  "outputConfig",
]);
const countTokensMembers = new Set(["messages", "system", "toolConfig", "additionalModelRequestFields"]);
const notWithPrompts = ["additionalModelRequestFields", "inferenceConfig", "system", "toolConfig"];

/** Where the Converse-shaped body came from; CountTokens accepts fewer members. */
export interface ConverseValidationContext {
  /** True when the model ID is a Prompt-management ARN (messages optional, some members refused). */
  isPrompt: boolean;
  countTokens?: boolean;
  /** The routed model ID; some conversation rules differ per model. */
  modelId?: string;
}

/**
 * Validates a parsed Converse / ConverseStream body (or CountTokens' `input.converse`) like the
 * service, throwing a ServiceError (ValidationException) with the service's wording at the first
 * problem, and returns it typed.
 *
 * @example
 * validateConverseRequest({ messages: [{ role: "user", content: [{ text: "hi" }] }] }, { isPrompt: false });
 */
export function validateConverseRequest(body: unknown, context: ConverseValidationContext): WireConverseRequest {
  if (!isJsonObject(body)) {
    throw new ServiceError("SerializationException", "Start of structure or map found where not expected.");
  }
  const allowed = context.countTokens === true ? countTokensMembers : converseMembers;
  for (const key of Object.keys(body)) {
    if (!allowed.has(key)) {
      throw validationError(`Malformed input request: #: extraneous key [${key}] is not permitted, please reformat your input and try again.`);
    }
  }
  checkTypes(body);
  const violations = checkConverseConstraints(body);
  if (violations.count > 0) throw validationError(violations.message());
  if (context.isPrompt) {
    for (const key of notWithPrompts) {
      if (body[key] !== undefined) {
        throw validationError(`The ${key} field isn't supported when the model ID is a prompt resource. Remove it and set it in the prompt instead, then try again.`);
      }
    }
  } else if (body["messages"] === undefined) {
    throw validationError("1 validation error detected: Value null at 'messages' failed to satisfy constraint: Member must not be null");
  }
  const system = body["system"];
  if (Array.isArray(system)) {
    system.forEach((block: unknown, index) => {
      if (isJsonObject(block) && typeof block["text"] === "string" && block["text"].trim().length === 0) {
        throw validationError(`The text field in the SystemContentBlock object at system.${index} is blank. Add text to the text field, and try again.`);
      }
    });
  }
  const messages = body["messages"];
  if (Array.isArray(messages) && (messages.length > 0 || !context.isPrompt)) {
    checkConversation(messages as Array<Record<string, unknown>>, body["toolConfig"] !== undefined, conversationRulesFor(context.modelId));
  }
  return body as WireConverseRequest;
}

/** Members whose JSON type the service's deserializer checks before validation, with the wording it uses. */
const memberTypes: ReadonlyArray<readonly [string, (value: unknown) => boolean, string]> = [
  ["messages", Array.isArray, "a list"],
  ["system", Array.isArray, "a list"],
  ["inferenceConfig", isJsonObject, "a structure"],
  ["toolConfig", isJsonObject, "a structure"],
  ["additionalModelResponseFieldPaths", Array.isArray, "a list"],
  ["promptVariables", isJsonObject, "a map"],
  ["requestMetadata", isJsonObject, "a map"],
];

/** JSON type mismatches the service's deserializer refuses before validation. */
function checkTypes(body: Record<string, unknown>): void {
  for (const [key, check, expected] of memberTypes) {
    const value = body[key];
    if (value !== undefined && value !== null && !check(value)) {
      throw new ServiceError("SerializationException", `Expected ${expected} for member ${key}.`);
    }
  }
  const config = body["inferenceConfig"];
  if (isJsonObject(config)) {
    for (const key of ["maxTokens", "temperature", "topP"]) {
      const value = config[key];
      if (value !== undefined && value !== null && typeof value !== "number") {
        throw new ServiceError("SerializationException", `Expected a number for member inferenceConfig.${key}.`);
      }
    }
    if (config["maxTokens"] !== undefined && !Number.isInteger(config["maxTokens"])) {
      throw new ServiceError("SerializationException", "Expected an integer for member inferenceConfig.maxTokens.");
    }
  }
}
