import { ConfigurationError } from "@sluice/core";

type JsonObject = Record<string, unknown>;

/**
 * Returns a copy of a JSON Schema with every local `$ref` replaced by what it points to and the
 * root `$defs` / `definitions` removed, since Bedrock wants a self-contained schema. A reference
 * back into itself (a recursive schema) becomes `{}`, which accepts any value at that depth; the
 * tool's zod schema still checks the real input.
 *
 * @example
 * inlineReferences({ type: "object", properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: { type: "string" } } });
 * // { type: "object", properties: { a: { type: "string" } } }
 */
export function inlineReferences(root: JsonObject, owner = "the schema"): JsonObject {
  const visit = (node: unknown, seen: readonly string[], atRoot: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, seen, false));
    if (typeof node !== "object" || node === null) return node;
    const { $ref: reference, ...rest } = node as JsonObject;
    if (typeof reference === "string") {
      if (seen.includes(reference)) return visit(rest, seen, false);
      const target = resolvePointer(root, reference, owner);
      return visit({ ...target, ...rest }, [...seen, reference], false);
    }
    const copy: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (atRoot && (key === "$defs" || key === "definitions")) continue;
      copy[key] = visit(value, seen, false);
    }
    return copy;
  };
  // The root counts as visited, so "#" (the whole schema inside itself) is recursion at once.
  return visit(root, ["#"], true) as JsonObject;
}

function resolvePointer(root: JsonObject, reference: string, owner: string): JsonObject {
  if (!reference.startsWith("#")) {
    throw new ConfigurationError(
      `${owner} refers to ${JSON.stringify(reference)}; only references inside the schema ("#/...") can be inlined for Bedrock. Inline that schema instead.`,
    );
  }
  let current: unknown = root;
  const tokens = reference === "#" || reference === "#/" ? [] : reference.slice(2).split("/");
  for (const token of tokens) {
    const key = decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
    current = typeof current === "object" && current !== null ? (current as JsonObject)[key] : undefined;
  }
  if (typeof current !== "object" || current === null || Array.isArray(current)) {
    throw new ConfigurationError(`${owner} refers to ${JSON.stringify(reference)}, which points to no schema. Fix the reference.`);
  }
  return current as JsonObject;
}
