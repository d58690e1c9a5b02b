import { describe, expect, it } from "vitest";
import { runningTotals, textChunks } from "./text-chunks.js";

describe("textChunks", () => {
  it("splits into pieces of the given size that join back to the text", () => {
    expect(textChunks("Hello world", 4)).toEqual(["Hell", "o wo", "rld"]);
  });

  it("never splits a surrogate pair", () => {
    expect(textChunks("a😀b", 2)).toEqual(["a😀", "b"]);
  });

  it("yields nothing for empty text and treats a size below one as one", () => {
    expect(textChunks("", 5)).toEqual([]);
    expect(textChunks("ab", 0)).toEqual(["a", "b"]);
  });
});

describe("runningTotals", () => {
  it("ends exactly on the total", () => {
    expect(runningTotals(10, 3)).toEqual([3, 7, 10]);
    expect(runningTotals(2, 5).at(-1)).toBe(2);
  });
});
