import type { StopReason, WireContentBlock, WireConverseRequest, WireUsage } from "../wire/converse-types.js";

/**
 * What a scripted model produced for one call, in Converse terms. The server turns it into a
 * Converse response, a ConverseStream event sequence, or (through a ModelFamily) a native
 * InvokeModel body / stream chunks.
 *
 * @example
 * const turn: ModelTurn = {
 *   content: [{ text: "Hello" }],
 *   stopReason: "end_turn",
 *   usage: { inputTokens: 5, outputTokens: 1, totalTokens: 6 },
 * };
 */
export interface ModelTurn {
  content: WireContentBlock[];
  stopReason: StopReason;
  usage: WireUsage;
  /** Output tokens spent on reasoning (part of `usage.outputTokens`); native bodies of the newest Claude models report it. */
  reasoningTokens?: number;
  /** True when the script gave the usage: the server then reports it as given (no prompt-cache accounting). */
  scriptedUsage?: boolean;
}

/**
 * Per-call facts a family needs to render its native response.
 *
 * @example
 * const context: RenderContext = {
 *   modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
 *   requestId: "0e9cb5ab-1fef-46eb-8e2c-773f0f60f39d",
 *   chunkSize: 16,
 *   invocationMetrics: { inputTokenCount: 5, outputTokenCount: 1, invocationLatency: 40, firstByteLatency: 20 },
 * };
 */
export interface RenderContext {
  /** The model ID as routed (decoded), e.g. `anthropic.claude-3-5-haiku-20241022-v1:0`. */
  modelId: string;
  requestId: string;
  /** Characters of text per streamed chunk. */
  chunkSize: number;
  /**
   * The `amazon-bedrock-invocationMetrics` object that the family must merge into its last
   * native stream chunk (where that family's recordings put it).
   */
  invocationMetrics: Record<string, number>;
  /**
   * The native request body exactly as the caller sent it (parsed JSON). Families with two
   * dialects answer in the one the caller used (Mistral `prompt` vs `messages`, Claude text
   * completions vs Messages, Cohere `num_generations`), and echo request details such as the
   * stop sequence that fired or Cohere's `texts`. Without it a family falls back to the
   * dialect its model ID defaults to.
   */
  nativeBody?: unknown;
}

/**
 * What an embedding family answers: the native response body and the token count the server
 * reports in `X-Amzn-Bedrock-Input-Token-Count` (embedding responses carry no output count).
 *
 * @example
 * const result: EmbeddingResult = { body: { embedding: [0.1, 0.2], inputTextTokenCount: 3 }, inputTokens: 3 };
 */
export interface EmbeddingResult {
  body: unknown;
  inputTokens: number;
}

/**
 * One model family's native InvokeModel dialect, as the emulator serves it.
 * `parseRequest` validates the native body (throwing `NativeBodyError` with the service's
 * "Malformed input request" wording) and converts it to a Converse-shaped request so the
 * scripted model can answer any family the same way.
 *
 * Embedding families (`embedding: true`) answer through `embed` without a scripted turn; their
 * `renderResponse` / `renderStream` throw. Families with `supportsStreaming: false` must be
 * refused on InvokeModelWithResponseStream with {@link STREAMING_UNSUPPORTED_MESSAGE}.
 *
 * @example
 * const family = resolveFamily("us.anthropic.claude-3-5-haiku-20241022-v1:0");
 * const request = family?.parseRequest({ anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [] });
 */
export interface ModelFamily {
  readonly name: string;
  /** True when this family serves the given decoded model ID (base ID, inference profile or foundation-model ARN). */
  matches(modelId: string): boolean;
  /** `modelId` (decoded, as routed) lets a family accept what only some of its models accept. */
  parseRequest(body: unknown, modelId?: string): WireConverseRequest;
  renderResponse(turn: ModelTurn, context: RenderContext): unknown;
  /** Native stream chunks in order; the last one carries `amazon-bedrock-invocationMetrics`. */
  renderStream(turn: ModelTurn, context: RenderContext): unknown[];
  /** Embedding families answer with vectors instead of a turn. */
  readonly embedding?: boolean;
  /** False when the real service refuses InvokeModelWithResponseStream for these models (default true). */
  readonly supportsStreaming?: boolean;
  /**
   * Embedding families only: validates the native body and answers it with deterministic vectors
   * (same text, same vector). `requestId` is echoed where the service echoes it (Cohere's `id`).
   */
  embed?(body: unknown, modelId: string, requestId?: string): EmbeddingResult;
}

/**
 * The service's answer (ValidationException, 400) when a family cannot stream.
 *
 * @example
 * if (family.supportsStreaming === false) throw validationError(STREAMING_UNSUPPORTED_MESSAGE);
 */
export const STREAMING_UNSUPPORTED_MESSAGE = "The model is unsupported for streaming.";

/**
 * A native body the service would refuse; the server answers ValidationException with this message.
 *
 * @example
 * throw new NativeBodyError("Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.");
 */
export class NativeBodyError extends Error {
  override readonly name = "NativeBodyError";
}
