function unescape(token: string): string {
  return token.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * Picks the fields named by Converse's `additionalModelResponseFieldPaths` (JSON Pointers) out
 * of a native response body, nested the way the pointers name them, as Converse returns
 * `additionalModelResponseFields`. Pointers that match nothing are left out; `undefined` when
 * none matched.
 *
 * @example
 * pickResponseFields({ stop_sequence: "###", id: "msg_1" }, ["/stop_sequence"]); // { stop_sequence: "###" }
 */
export function pickResponseFields(body: unknown, paths: readonly string[] | undefined): Record<string, unknown> | undefined {
  if (!paths || paths.length === 0) return undefined;
  const picked: Record<string, unknown> = {};
  let found = false;
  for (const path of paths) {
    if (!path.startsWith("/")) continue;
    const tokens = path.slice(1).split("/").map(unescape);
    let value: unknown = body;
    let exists = true;
    for (const token of tokens) {
      if (typeof value === "object" && value !== null && Object.hasOwn(value, token)) value = (value as Record<string, unknown>)[token];
      else {
        exists = false;
        break;
      }
    }
    if (!exists) continue;
    found = true;
    let target = picked;
    tokens.forEach((token, position) => {
      if (position === tokens.length - 1) target[token] = value;
      else target = (target[token] ??= {}) as Record<string, unknown>;
    });
  }
  return found ? picked : undefined;
}
