import type { Span } from "@opentelemetry/api";
import { GenAiAttributes } from "./gen-ai-attributes.js";
import { openTelemetry } from "./otel-api.js";

/**
 * Marks a span failed as the OpenTelemetry error conventions ask: `error.type` (Bedrock's
 * error name when there is one), status ERROR with the message, and the exception as an event.
 *
 * @example
 * catch (error) { recordFailure(span, error); throw error; }
 */
export function recordFailure(span: Span, error: unknown): void {
  const source = error as { errorName?: unknown; name?: unknown; message?: unknown } | undefined;
  const type = typeof source?.errorName === "string" ? source.errorName : typeof source?.name === "string" ? source.name : "Error";
  span.setAttribute(GenAiAttributes.errorType, type);
  span.setStatus({ code: openTelemetry().SpanStatusCode.ERROR, message: typeof source?.message === "string" ? source.message : String(error) });
  if (error instanceof Error) span.recordException(error);
}
