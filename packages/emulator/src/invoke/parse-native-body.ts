import { NativeBodyError } from "../families/model-family.js";
import { validationError } from "../errors/service-error.js";

const malformedBodyMessage = "Malformed input request, please reformat your input and try again.";

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
    throw validationError(malformedBodyMessage);
  }
}

/**
 * The request body the server already parsed, or the same ValidationException as
 * {@link parseNativeJson} when it was empty or not JSON (the server records those as undefined).
 *
 * @example
 * requireNativeJson(context.body); // { inputText: "hi" }
 */
export function requireNativeJson(body: unknown): unknown {
  if (body === undefined) throw validationError(malformedBodyMessage);
  return body;
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
