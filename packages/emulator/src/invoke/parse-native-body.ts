import { NativeBodyError } from "../families/model-family.js";
import type { ModelFamily } from "../families/model-family.js";
import { validationError } from "../errors/service-error.js";
import type { WireConverseRequest } from "../wire/converse-types.js";

/**
 * Parses a native InvokeModel body with the model's family, turning the family's refusal into
 * the service's ValidationException ("Malformed input request: …").
 *
 * @example
 * const request = parseNativeBody(family, Buffer.from('{"inputText":"hi"}'));
 */
export function parseNativeBody(family: ModelFamily, rawBody: Buffer): WireConverseRequest {
  const body = parseNativeJson(rawBody);
  return withNativeErrors(() => family.parseRequest(body));
}

/**
 * The native body as JSON, or the service's "Malformed input request" ValidationException.
 *
 * @example
 * parseNativeJson(Buffer.from('{"inputText":"hi"}')); // { inputText: "hi" }
 */
export function parseNativeJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw validationError("Malformed input request, please reformat your input and try again.");
  }
}

/**
 * Runs a family call, turning its NativeBodyError into the service's ValidationException.
 *
 * @example
 * withNativeErrors(() => family.parseRequest(body));
 */
export function withNativeErrors<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof NativeBodyError) throw validationError(error.message);
    throw error;
  }
}
