/**
 * JSON with object keys sorted at every level and `undefined` members left out, so two values
 * that mean the same serialise to the same text. Binary data (`Uint8Array`) is written as
 * `{"$bytes":"<base64>"}`.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, undefined] }); // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      return "null";
  }
  if (value instanceof Uint8Array) return `{"$bytes":"${Buffer.from(value).toString("base64")}"}`;
  // Built by concatenation, not per-node arrays and joins: this runs over the whole conversation on every model call.
  if (Array.isArray(value)) {
    let text = "[";
    for (let index = 0; index < value.length; index += 1) text += (index === 0 ? "" : ",") + canonicalJson(value[index]);
    return `${text}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const record = value as Record<string, unknown>;
  let text = "";
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    text += (text === "" ? "{" : ",") + JSON.stringify(key) + ":" + canonicalJson(member);
  }
  return text === "" ? "{}" : `${text}}`;
}
