import { validationError } from "../errors/service-error.js";
import { parseNativeJson, withNativeErrors } from "../invoke/parse-native-body.js";
import { estimateInputTokens } from "../scripts/token-estimate.js";
import { baseHeaders } from "../server/call-context.js";
import type { CallContext } from "../server/call-context.js";
import { checkCountTokens } from "./model-features.js";
import { validateConverseRequest } from "./validate-converse-request.js";
import { isJsonObject } from "../wire/is-json-object.js";

/**
 * CountTokens: `{"input":{"converse":{…}}}` (validated like Converse) or
 * `{"input":{"invokeModel":{"body":"<base64>"}}}` (parsed by the model's family); answers
 * `{"inputTokens":N}` with the emulator's estimate (ceil(characters / 4)).
 *
 * @example
 * await handleCountTokens(context);
 */
export async function handleCountTokens(context: CallContext): Promise<void> {
  const body = context.body;
  const input = isJsonObject(body) ? body["input"] : undefined;
  if (!isJsonObject(body) || !isJsonObject(input)) {
    throw validationError("1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null");
  }
  for (const key of Object.keys(body)) {
    if (key !== "input") {
      throw validationError(`Malformed input request: #: extraneous key [${key}] is not permitted, please reformat your input and try again.`);
    }
  }
  const members = Object.keys(input);
  if (members.length !== 1 || (members[0] !== "converse" && members[0] !== "invokeModel")) {
    throw validationError("The input field must contain exactly one of converse or invokeModel. Fix the input and try again.");
  }
  checkCountTokens(context.model, context.state);
  let inputTokens: number;
  if (isJsonObject(input["converse"])) {
    inputTokens = estimateInputTokens(validateConverseRequest(input["converse"], { isPrompt: false, countTokens: true, modelId: context.model.baseModelId ?? context.model.modelId }));
  } else {
    const invokeModel = input["invokeModel"];
    const encoded = isJsonObject(invokeModel) ? invokeModel["body"] : undefined;
    if (typeof encoded !== "string") {
      throw validationError("1 validation error detected: Value null at 'input.invokeModel.body' failed to satisfy constraint: Member must not be null");
    }
    const family = context.model.family;
    if (family === undefined) throw validationError("The provided model identifier is invalid.");
    const nativeBody = parseNativeJson(Buffer.from(encoded, "base64"));
    const embed = family.embed?.bind(family);
    inputTokens =
      family.embedding === true && embed !== undefined
        ? withNativeErrors(() => embed(nativeBody, context.model.modelId)).inputTokens
        : estimateInputTokens(withNativeErrors(() => family.parseRequest(nativeBody)));
  }
  context.channel.sendJson(200, baseHeaders(context.requestId), `{"inputTokens":${inputTokens}}`);
}
