import type { OperationName } from "./operation-name.js";

/** A request path matched to an operation. */
export interface MatchedRoute {
  readonly operation: OperationName;
  /** The model ID still percent-encoded, as it appeared in the path. */
  readonly encodedModelId: string;
}

const operationsBySuffix: ReadonlyMap<string, OperationName> = new Map([
  ["converse", "Converse"],
  ["converse-stream", "ConverseStream"],
  ["invoke", "InvokeModel"],
  ["invoke-with-response-stream", "InvokeModelWithResponseStream"],
  ["count-tokens", "CountTokens"],
]);

/**
 * Matches `POST /model/{modelId}/{operation}` on the raw path, before percent-decoding, so an ARN
 * whose `/` was sent as `%2F` stays one segment. An un-encoded ARN (extra segments) does not
 * match, as on the real service.
 *
 * @example
 * routeRequest("POST", "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A%3Afoundation-model%2Famazon.titan-tg1-large/invoke");
 * // { operation: "InvokeModel", encodedModelId: "arn%3Aaws%3A…%2Famazon.titan-tg1-large" }
 */
export function routeRequest(method: string | undefined, rawPath: string): MatchedRoute | undefined {
  if (method !== "POST") return undefined;
  const queryStart = rawPath.indexOf("?");
  const path = queryStart === -1 ? rawPath : rawPath.slice(0, queryStart);
  if (!path.startsWith("/model/")) return undefined;
  const rest = path.slice("/model/".length);
  const slash = rest.indexOf("/");
  if (slash <= 0) return undefined;
  const operation = operationsBySuffix.get(rest.slice(slash + 1));
  if (operation === undefined) return undefined;
  return { operation, encodedModelId: rest.slice(0, slash) };
}

/**
 * Percent-decodes a model ID segment; undefined when the encoding is broken.
 *
 * @example
 * decodeModelId("anthropic.claude-3-haiku-20240307-v1%3A0"); // "anthropic.claude-3-haiku-20240307-v1:0"
 */
export function decodeModelId(encoded: string): string | undefined {
  if (!encoded.includes("%")) return encoded;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
