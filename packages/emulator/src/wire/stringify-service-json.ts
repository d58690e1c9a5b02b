/**
 * Members whose values are free-form JSON documents (tool input, tool-result JSON, model-native
 * extras). The service passes those through in their own order; only the structures it builds
 * itself come out with alphabetically sorted keys.
 */
const documentMembers: ReadonlySet<string> = new Set(["input", "json", "additionalModelResponseFields"]);

/**
 * Serializes a service-generated object the way Bedrock does: compact, keys in alphabetical
 * order at every level except inside document members, `undefined` members left out.
 *
 * @example
 * stringifyServiceJson({ usage: { outputTokens: 2, inputTokens: 1 }, metrics: { latencyMs: 3 } });
 * // '{"metrics":{"latencyMs":3},"usage":{"inputTokens":1,"outputTokens":2}}'
 */
export function stringifyServiceJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, false));
}

function sortKeys(value: unknown, insideDocument: boolean): unknown {
  if (insideDocument || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, false));
  const source = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) {
    const member = source[key];
    if (member !== undefined) sorted[key] = sortKeys(member, documentMembers.has(key));
  }
  return sorted;
}
