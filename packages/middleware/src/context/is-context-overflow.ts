import { BedrockError } from "@sluice/core";

/**
 * How Bedrock words a request that does not fit the model's context window. The exception is a
 * ValidationException (or, inside a stream, its frame); only the message tells it apart from
 * other validation errors, and it differs by model family.
 */
export const contextOverflowPatterns: readonly RegExp[] = [
  /input is too long/i, // "Input is too long for requested model." (Claude, Nova, most families)
  /prompt is too long/i, // "prompt is too long: 227255 tokens > 200000 maximum" (newer Claude)
  /too many input tokens/i,
  /input length and `?max_tokens`? exceed context limit/i,
  /exceeds? the (model's )?(maximum )?context (window|length)/i,
  /model_context_window_exceeded/i,
];

const overflowExceptions = new Set(["ValidationException", "ModelStreamErrorException", "ModelErrorException"]);

/**
 * True when `error` says the request was too long for the model's context window.
 *
 * @example
 * catch (error) { if (isContextOverflowError(error)) messages = await manager.reduce(messages, { mustShrink: true }); }
 */
export function isContextOverflowError(error: unknown): boolean {
  if (!BedrockError.isInstance(error) || !overflowExceptions.has(error.errorName)) return false;
  return contextOverflowPatterns.some((pattern) => pattern.test(error.message));
}

/** The stop reason Bedrock gives when generation stopped because the context window filled up. */
export const contextWindowExceededStopReason = "model_context_window_exceeded";
