import { describe, expect, it } from "vitest";
import { conversation, problemIn } from "../../tests/conversation-fixture.js";
import { cutPoints, keepFrom } from "./cut-points.js";

describe("cutPoints", () => {
  it("never cuts before a message that answers tool calls", () => {
    expect(cutPoints(conversation)).toEqual([0, 1, 2, 3, 5, 6, 7, 9, 10]);
  });

  it("gives a valid conversation from every cut point", () => {
    for (const point of cutPoints(conversation)) {
      const kept = keepFrom(conversation, point, "[omitted]");
      expect(problemIn(kept), `cut at ${point}`).toBeUndefined();
      expect(kept.at(-1)).toBe(conversation.at(-1));
    }
  });
});
