const bytesKey = "$sluice.bytes";

/**
 * A value ready to be stored by DBOS: every `Uint8Array` (image, document and video bytes in
 * Converse content) becomes `{ "$sluice.bytes": base64 }`, which any serializer keeps.
 * `fromDurableJson` turns them back. Other values pass through unchanged.
 *
 * @example
 * const stored = toDurableJson({ image: { format: "png", source: { bytes: new Uint8Array([1, 2]) } } });
 * fromDurableJson(stored); // the same shape, bytes restored
 */
export function toDurableJson<T>(value: T): unknown {
  return encode(value);
}

/** The inverse of `toDurableJson`: restores every encoded `Uint8Array`. */
export function fromDurableJson<T>(value: unknown): T {
  return decode(value) as T;
}

function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [bytesKey]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (Array.isArray(value)) return value.map(encode);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = encode(entry);
    return out;
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === bytesKey && typeof value[bytesKey] === "string") return new Uint8Array(Buffer.from(value[bytesKey], "base64"));
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = decode(entry);
    return out;
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
