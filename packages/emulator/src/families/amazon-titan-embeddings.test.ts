import { describe, expect, it } from "vitest";
import { errorMessage } from "../../tests/families/family-test-support.js";
import { amazonTitanEmbeddingsFamily as titan } from "./amazon-titan-embeddings.js";

const embed = (body: unknown, modelId: string) => {
  if (!titan.embed) throw new Error("titan embeddings must embed");
  return titan.embed(body, modelId);
};

describe("amazon-titan-embeddings", () => {
  it("is an embedding family that cannot stream", () => {
    expect(titan.embedding).toBe(true);
    expect(titan.supportsStreaming).toBe(false);
    expect(titan.matches("amazon.titan-embed-text-v2:0")).toBe(true);
    expect(titan.matches("amazon.titan-embed-text-v1")).toBe(true);
    expect(titan.matches("amazon.titan-text-express-v1")).toBe(false);
  });

  it("answers V1 with 1536 unnormalised values and the input count", () => {
    const { body, inputTokens } = embed({ inputText: "Hello World!" }, "amazon.titan-embed-text-v1");
    const result = body as { embedding: number[]; inputTextTokenCount: number };
    expect(Object.keys(result)).toEqual(["embedding", "inputTextTokenCount"]);
    expect(result.embedding).toHaveLength(1536);
    expect(Math.hypot(...result.embedding)).toBeGreaterThan(2);
    expect(result.inputTextTokenCount).toBe(3);
    expect(inputTokens).toBe(3);
  });

  it("refuses V2 options on V1", () => {
    expect(errorMessage(() => embed({ inputText: "x", dimensions: 256 }, "amazon.titan-embed-text-v1"))).toContain("#: extraneous key [dimensions] is not permitted");
  });

  it("answers V2 with the requested dimension, normalisation and types, deterministically", () => {
    const first = embed({ inputText: "Hello", dimensions: 256, embeddingTypes: ["float", "binary"] }, "amazon.titan-embed-text-v2:0").body as {
      embedding: number[];
      embeddingsByType: { float: number[]; binary: number[] };
    };
    expect(first.embedding).toHaveLength(256);
    expect(Math.hypot(...first.embedding)).toBeCloseTo(1, 10);
    expect(first.embeddingsByType.float).toEqual(first.embedding);
    expect(first.embeddingsByType.binary).toEqual(first.embedding.map((value) => (value > 0 ? 1 : 0)));
    const again = embed({ inputText: "Hello", dimensions: 256 }, "amazon.titan-embed-text-v2:0").body as { embedding: number[] };
    expect(again.embedding).toEqual(first.embedding);
    const raw = embed({ inputText: "Hello", normalize: false }, "amazon.titan-embed-text-v2:0").body as { embedding: number[] };
    expect(raw.embedding).toHaveLength(1024);
    expect(Math.hypot(...raw.embedding)).toBeGreaterThan(2);
  });

  it("only accepts the documented dimensions", () => {
    expect(errorMessage(() => embed({ inputText: "x", dimensions: 300 }, "amazon.titan-embed-text-v2:0"))).toContain("#/dimensions: 300 is not a valid enum value");
  });
});
