import { createHash } from "node:crypto";

// A small seeded generator (xorshift32): enough spread for test vectors, and fully reproducible.
function generator(seed: number): () => number {
  let state = seed || 0x9e3779b9;
  return function next(): number {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0xffffffff;
  };
}

/**
 * A deterministic embedding for `text`: the same text (and `salt`, e.g. the model name) always
 * gives the same vector of `dimensions` values in [-1, 1], scaled to unit length when `normalize`.
 *
 * @example
 * embeddingVector("Hello World!", 256, true).length; // 256
 */
export function embeddingVector(text: string, dimensions: number, normalize: boolean, salt = ""): number[] {
  const seed = createHash("sha256").update(salt).update("\u0000").update(text).digest().readUInt32BE(0);
  const next = generator(seed);
  const vector = Array.from({ length: dimensions }, () => next() * 2 - 1);
  if (!normalize) return vector;
  const length = Math.hypot(...vector) || 1;
  return vector.map((value) => value / length);
}

/**
 * Packs a vector's signs into bytes (one bit per value, 1 for positive), as `binary` (signed
 * int8) or `ubinary` (0..255) embedding types report them.
 *
 * @example
 * packedSigns([1, -1, 1, -1, 1, -1, 1, -1], false); // [170]
 */
export function packedSigns(vector: readonly number[], signed: boolean): number[] {
  const bytes: number[] = [];
  for (let start = 0; start < vector.length; start += 8) {
    let byte = 0;
    for (let bit = 0; bit < 8; bit++) byte = (byte << 1) | ((vector[start + bit] ?? 0) > 0 ? 1 : 0);
    bytes.push(signed && byte > 127 ? byte - 256 : byte);
  }
  return bytes;
}
