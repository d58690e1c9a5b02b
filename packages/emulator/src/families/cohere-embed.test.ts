import { describe, expect, it } from "vitest";
import { errorMessage } from "../../tests/families/family-test-support.js";
import { cohereEmbedFamily as cohere } from "./cohere-embed.js";

const embed = (body: unknown, modelId = "cohere.embed-english-v3", requestId?: string) => {
  if (!cohere.embed) throw new Error("cohere embed must embed");
  return cohere.embed(body, modelId, requestId);
};

describe("cohere-embed", () => {
  it("answers floats with the request id echoed and the texts lower-cased", () => {
    const { body, inputTokens } = embed({ texts: ["Hello World!", "Goodbye cruel world!"], input_type: "search_document" }, "cohere.embed-english-v3", "req-1");
    const result = body as { embeddings: number[][]; id: string; response_type: string; texts: string[] };
    expect(Object.keys(result)).toEqual(["embeddings", "id", "response_type", "texts"]);
    expect(result.id).toBe("req-1");
    expect(result.response_type).toBe("embeddings_floats");
    expect(result.texts).toEqual(["hello world!", "goodbye cruel world!"]);
    expect(result.embeddings.map((vector) => vector.length)).toEqual([1024, 1024]);
    expect(Math.hypot(...(result.embeddings[0] ?? []))).toBeCloseTo(1, 10);
    expect(inputTokens).toBe(7);
  });

  it("answers every requested embedding type", () => {
    const result = embed({ texts: ["a"], input_type: "search_query", embedding_types: ["int8", "ubinary"] }).body as {
      embeddings: { int8: number[][]; ubinary: number[][] };
      response_type: string;
    };
    expect(result.response_type).toBe("embeddings_by_type");
    expect(result.embeddings.int8[0]).toHaveLength(1024);
    expect(result.embeddings.int8[0]?.every((value) => Number.isInteger(value) && value >= -127 && value <= 127)).toBe(true);
    expect(result.embeddings.ubinary[0]).toHaveLength(128);
  });

  it("uses output_dimension on Embed v4", () => {
    const result = embed({ texts: ["a"], input_type: "search_query", output_dimension: 256 }, "cohere.embed-v4:0").body as { embeddings: number[][] };
    expect(result.embeddings[0]).toHaveLength(256);
  });

  it("requires input_type and refuses too many texts", () => {
    expect(errorMessage(() => embed({ texts: ["a"] }))).toContain("#: required key [input_type] not found");
    expect(errorMessage(() => embed({ texts: new Array(97).fill("a"), input_type: "clustering" }))).toContain("#/texts: expected maximum item count: 96, found: 97");
  });
});
