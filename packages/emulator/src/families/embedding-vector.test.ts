import { describe, expect, it } from "vitest";
import { embeddingVector, packedSigns } from "./embedding-vector.js";

describe("embeddingVector", () => {
  it("is deterministic per text and differs between texts", () => {
    expect(embeddingVector("hello", 64, true)).toEqual(embeddingVector("hello", 64, true));
    expect(embeddingVector("hello", 64, true)).not.toEqual(embeddingVector("hullo", 64, true));
  });

  it("has unit length when normalised and values in [-1, 1] otherwise", () => {
    expect(Math.hypot(...embeddingVector("x", 256, true))).toBeCloseTo(1, 10);
    const raw = embeddingVector("x", 256, false);
    expect(raw.every((value) => value >= -1 && value <= 1)).toBe(true);
    expect(Math.hypot(...raw)).toBeGreaterThan(2);
  });

  it("varies with the salt (the model)", () => {
    expect(embeddingVector("x", 8, true, "a")).not.toEqual(embeddingVector("x", 8, true, "b"));
  });
});

describe("packedSigns", () => {
  it("packs eight signs per byte, signed or unsigned", () => {
    expect(packedSigns([1, -1, 1, -1, 1, -1, 1, -1], false)).toEqual([170]);
    expect(packedSigns([1, -1, 1, -1, 1, -1, 1, -1], true)).toEqual([-86]);
    expect(packedSigns(new Array(16).fill(-1), false)).toEqual([0, 0]);
  });
});
