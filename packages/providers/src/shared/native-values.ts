/**
 * Small readers for untyped native JSON: each returns `undefined` instead of throwing, so
 * parsers can say precisely what was missing.
 *
 * @example
 * const usage = asRecord(body.usage); const input = asNumber(usage?.input_tokens);
 */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `value` if it is an array, else `undefined`. */
export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** `value` if it is a string, else `undefined`. */
export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `value` if it is a finite number, else `undefined`. */
export function asNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * Drops `undefined` members so native bodies never carry keys the service would reject.
 *
 * @example
 * compact({ a: 1, b: undefined }); // { a: 1 }
 */
export function compact<T extends Record<string, unknown>>(object: T): T {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) result[key] = value;
  return result as T;
}
