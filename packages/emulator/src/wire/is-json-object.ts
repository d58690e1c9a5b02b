/**
 * True for a JSON object (not null, not an array): the shape check every request validator needs.
 *
 * @example
 * isJsonObject({ text: "hi" }); // true
 * isJsonObject([1, 2]); // false
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
