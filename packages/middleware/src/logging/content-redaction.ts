/** Keys whose string values describe structure, not what anyone said; kept when content is redacted. */
const structuralKeys = new Set(["role", "name", "toolUseId", "status", "type", "format", "modelId", "ttl"]);

/**
 * A copy of message content with every text replaced by its length (`[redacted: 42 chars]`),
 * keeping the structure (roles, block kinds, tool names and IDs) so a log still shows what
 * happened without what was said.
 *
 * @example
 * redactContent([{ role: "user", content: [{ text: "my address is…" }] }]);
 * // [{ role: "user", content: [{ text: "[redacted: 14 chars]" }] }]
 */
export function redactContent(value: unknown, key?: string): unknown {
  if (typeof value === "string") return key !== undefined && structuralKeys.has(key) ? value : `[redacted: ${value.length} chars]`;
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return value.map((item) => redactContent(item));
  const copy: Record<string, unknown> = {};
  for (const [member, inner] of Object.entries(value)) copy[member] = redactContent(inner, member);
  return copy;
}
