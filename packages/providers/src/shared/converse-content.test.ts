import { describe, expect, it } from "vitest";
import { textBlocks } from "./converse-content.js";

describe("textBlocks", () => {
  it("keeps answer text as one block, white space and all", () => {
    expect(textBlocks(" Hi.\n")).toEqual([{ text: " Hi.\n" }]);
  });

  it("gives no block for blank text", () => {
    expect(textBlocks("")).toEqual([]);
    expect(textBlocks("\n\t ")).toEqual([]);
  });

  it("returns a fresh list each time, so callers can append tool uses", () => {
    const first = textBlocks("a");
    first.push({ text: "b" });
    expect(textBlocks("a")).toEqual([{ text: "a" }]);
  });
});
