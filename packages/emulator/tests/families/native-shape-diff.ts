/** How strictly `nativeDifferences` compares a rendered body with a recorded one. */
export interface DiffOptions {
  /** Keys whose values differ per call (ids, latencies): only their JSON type must match. */
  volatileKeys?: ReadonlySet<string>;
  /** Keys whose values are not compared at all (but must be present on both sides). */
  unvaluedKeys?: ReadonlySet<string>;
  /** Keys holding arrays that only need the same element shape (e.g. AI21 per-token lists). */
  shapeOnlyKeys?: ReadonlySet<string>;
  /** Dotted paths left out of the comparison entirely (known, explained differences). */
  ignorePaths?: readonly string[];
  /** Accept the same keys in another order (old recordings used another order). */
  ignoreKeyOrder?: boolean;
}

/** Per-call values: request ids, generated ids, timing. */
export const VOLATILE_KEYS: ReadonlySet<string> = new Set(["id", "response_id", "generation_id", "invocationLatency", "firstByteLatency", "requestDurationMillis", "created"]);

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * The structure of a JSON value with the values taken out: objects keep their keys in order,
 * arrays are represented by their first element.
 *
 * @example
 * shapeOf({ a: [1, 2], b: "x" }); // { a: ["number"], b: "string" }
 */
export function shapeOf(value: unknown, sortKeys = false): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0], sortKeys)];
  if (kind(value) === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (sortKeys) entries.sort(([left], [right]) => left.localeCompare(right));
    return Object.fromEntries(entries.map(([key, inner]) => [key, shapeOf(inner, sortKeys)]));
  }
  return kind(value);
}

function compare(actual: unknown, expected: unknown, path: string, options: DiffOptions, out: string[]): void {
  if (options.ignorePaths?.includes(path)) return;
  const key = path.split(".").at(-1) ?? "";
  if (options.unvaluedKeys?.has(key)) return;
  if (kind(actual) !== kind(expected)) {
    out.push(`${path || "(root)"}: expected ${kind(expected)} ${JSON.stringify(expected)?.slice(0, 80)}, got ${kind(actual)} ${JSON.stringify(actual)?.slice(0, 80)}`);
    return;
  }
  if (options.volatileKeys?.has(key)) return;
  if (options.shapeOnlyKeys?.has(key)) {
    const actualShape = JSON.stringify(shapeOf(actual, options.ignoreKeyOrder));
    const expectedShape = JSON.stringify(shapeOf(expected, options.ignoreKeyOrder));
    if (actualShape !== expectedShape) out.push(`${path}: element shape ${actualShape} differs from recorded ${expectedShape}`);
    return;
  }
  if (Array.isArray(expected)) {
    const actualItems = actual as unknown[];
    if (actualItems.length !== expected.length) out.push(`${path}: expected ${expected.length} items, got ${actualItems.length}`);
    expected.forEach((item, index) => index < actualItems.length && compare(actualItems[index], item, `${path}.${index}`, options, out));
    return;
  }
  if (kind(expected) === "object") {
    compareObjects(actual as Record<string, unknown>, expected as Record<string, unknown>, path, options, out);
    return;
  }
  if (actual !== expected) out.push(`${path || "(root)"}: expected ${JSON.stringify(expected)?.slice(0, 120)}, got ${JSON.stringify(actual)?.slice(0, 120)}`);
}

function compareObjects(actual: Record<string, unknown>, expected: Record<string, unknown>, path: string, options: DiffOptions, out: string[]): void {
  const prefix = path === "" ? "" : `${path}.`;
  const ignored = (key: string) => options.ignorePaths?.includes(`${prefix}${key}`) === true;
  const expectedKeys = Object.keys(expected).filter((key) => !ignored(key));
  const actualKeys = Object.keys(actual).filter((key) => !ignored(key));
  const missing = expectedKeys.filter((key) => !(key in actual));
  const extra = actualKeys.filter((key) => !(key in expected));
  if (missing.length > 0) out.push(`${path || "(root)"}: missing keys ${missing.join(", ")}`);
  if (extra.length > 0) out.push(`${path || "(root)"}: unexpected keys ${extra.join(", ")}`);
  if (!options.ignoreKeyOrder && missing.length === 0 && extra.length === 0 && expectedKeys.join(",") !== actualKeys.join(",")) {
    out.push(`${path || "(root)"}: key order ${actualKeys.join(",")} differs from recorded ${expectedKeys.join(",")}`);
  }
  for (const key of expectedKeys) if (key in actual) compare(actual[key], expected[key], `${prefix}${key}`, options, out);
}

/**
 * Every difference between a rendered native body and a recorded one: missing or extra keys,
 * key order, types, array lengths and values, with the given allowances.
 *
 * @example
 * nativeDifferences({ id: "b", n: 1 }, { id: "a", n: 2 }, { volatileKeys: VOLATILE_KEYS }); // ["n: expected 2, got 1"]
 */
export function nativeDifferences(actual: unknown, expected: unknown, options: DiffOptions = {}): string[] {
  const out: string[] = [];
  compare(actual, expected, "", options, out);
  return out;
}

/**
 * A stream chunk's kind: its key structure plus any `type` / `event_type` / `delta.type`
 * discriminators, values left out. Runs of equal kinds collapse so two streams that split text
 * differently still compare equal.
 *
 * @example
 * chunkKinds([{ type: "a", n: 1 }, { type: "a", n: 2 }, { type: "b" }]).length; // 2
 */
export function chunkKinds(chunks: readonly unknown[], sortKeys = false): string[] {
  const kinds: string[] = [];
  const ordered = (entries: Array<[string, unknown]>) => (sortKeys ? entries.sort(([left], [right]) => left.localeCompare(right)) : entries);
  for (const chunk of chunks) {
    const record = chunk as Record<string, unknown>;
    const delta = record.delta as Record<string, unknown> | undefined;
    const discriminators = [record.type, record.event_type, delta?.type].filter((value) => value !== undefined);
    const keys = (value: unknown): string =>
      kind(value) === "object" ? `{${ordered(Object.entries(value as Record<string, unknown>)).map(([key, inner]) => `${key}:${keys(inner)}`).join(",")}}` : Array.isArray(value) ? "[]" : "";
    const signature = `${discriminators.join("/")}${keys(chunk)}`;
    if (kinds.at(-1) !== signature) kinds.push(signature);
  }
  return kinds;
}

/**
 * A copy of a JSON value with the given dotted paths removed (for explained differences).
 *
 * @example
 * withoutPaths({ a: { b: 1, c: 2 } }, ["a.b"]); // { a: { c: 2 } }
 */
export function withoutPaths<T>(value: T, paths: readonly string[], prefix = ""): T {
  if (Array.isArray(value)) return value.map((item, index) => withoutPaths(item, paths, `${prefix}${index}.`)) as T;
  if (kind(value) !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => !paths.includes(`${prefix}${key}`));
  return Object.fromEntries(entries.map(([key, inner]) => [key, withoutPaths(inner, paths, `${prefix}${key}.`)])) as T;
}
