/**
 * The fields of an error worth a log line: name, message, Sluice's `code`, Bedrock's error
 * name, HTTP status and request ID, whether it arrived in a stream and whether it is
 * retryable. Nothing else (no raw SDK response, which holds request headers).
 *
 * @example
 * logger.error({ error: describeError(error) }, "model call failed");
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error) && (typeof error !== "object" || error === null)) return { message: String(error) };
  const source = error as Error & Record<string, unknown>;
  const described: Record<string, unknown> = { name: source.name, message: source.message };
  for (const key of ["code", "errorName", "httpStatus", "requestId", "inStream", "isRetryable", "kind", "limit"]) {
    const value = source[key];
    if (value !== undefined && (typeof value === "string" || typeof value === "number" || typeof value === "boolean")) described[key] = value;
  }
  return described;
}
