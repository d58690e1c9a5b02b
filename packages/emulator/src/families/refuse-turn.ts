import { NativeBodyError, STREAMING_UNSUPPORTED_MESSAGE } from "./model-family.js";

/**
 * `renderResponse` / `renderStream` of an embedding family: embeddings answer through `embed()`.
 *
 * @example
 * const family = { name: "my-embeddings", renderResponse: refuseTurn, … };
 */
export function refuseTurn(): never {
  throw new NativeBodyError("Embedding models answer through embed(), not with a scripted turn.");
}

/**
 * `renderStream` of a family the service refuses to stream (the server refuses those requests
 * first; this keeps a direct call honest).
 *
 * @example
 * const family = { name: "ai21-jurassic", supportsStreaming: false, renderStream: refuseStreaming, … };
 */
export function refuseStreaming(): never {
  throw new NativeBodyError(STREAMING_UNSUPPORTED_MESSAGE);
}
