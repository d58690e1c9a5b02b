import { describe, expect, it } from "vitest";
import { estimateTokenCount, tokenPieces } from "./token-estimate.js";

describe("estimateTokenCount", () => {
  it("matches the counts recorded from Titan and Cohere embeddings", () => {
    expect(estimateTokenCount("Hello World!")).toBe(3);
    expect(estimateTokenCount("Hello World!") + estimateTokenCount("Goodbye cruel world!")).toBe(7);
  });

  it("is zero for blank text", () => {
    expect(estimateTokenCount("  \n")).toBe(0);
  });
});

describe("tokenPieces", () => {
  it("keeps all characters so the pieces join back", () => {
    const text = "\nA neural network, simply.  ";
    expect(tokenPieces(text).join("")).toBe(text);
    expect(tokenPieces("Hi there!")).toEqual(["Hi", " there", "!"]);
  });
});
