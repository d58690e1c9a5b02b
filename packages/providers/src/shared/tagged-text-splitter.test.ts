import { describe, expect, it } from "vitest";
import { TaggedTextSplitter } from "./tagged-text-splitter.js";

function run(splitter: TaggedTextSplitter, chunks: string[]) {
  const segments = [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
  const joined: Record<string, string> = { reasoning: "", text: "" };
  for (const segment of segments) joined[segment.kind] += segment.text;
  return joined;
}

describe("TaggedTextSplitter", () => {
  it("splits reasoning from text when tags are cut across chunks anywhere", () => {
    const output = "<reasoning>Add them.</reasoning>The sum is 4.";
    for (let size = 1; size <= output.length; size += 1) {
      const chunks = output.match(new RegExp(`[\\s\\S]{1,${size}}`, "g")) ?? [];
      expect(run(new TaggedTextSplitter("<reasoning>", "</reasoning>", "text"), chunks)).toEqual({ reasoning: "Add them.", text: "The sum is 4." });
    }
  });

  it("starts inside the tags when told, and keeps a '<' that is not a tag", () => {
    expect(run(new TaggedTextSplitter("<think>", "</think>", "reasoning"), ["a < b", "</thi", "nk>yes <3"])).toEqual({ reasoning: "a < b", text: "yes <3" });
  });

  it("gives back a held partial tag when the stream ends", () => {
    const splitter = new TaggedTextSplitter("<reasoning>", "</reasoning>", "text");
    expect(splitter.push("end <reas")).toEqual([{ kind: "text", text: "end " }]);
    expect(splitter.end()).toEqual([{ kind: "text", text: "<reas" }]);
  });
});
