import type { AgentResult } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { approve, deny, isApprovalDecision, pendingApprovals } from "./approval-decision.js";

describe("approval decisions", () => {
  it("builds plain JSON decisions and recognises them", () => {
    expect(approve()).toEqual({ approved: true });
    expect(approve({ input: { cents: 5 } })).toEqual({ approved: true, input: { cents: 5 } });
    expect(deny("Too much")).toEqual({ approved: false, reason: "Too much" });
    expect(JSON.parse(JSON.stringify(deny("x")))).toEqual(deny("x"));
    for (const value of [approve(), deny("no")]) expect(isApprovalDecision(value)).toBe(true);
    for (const value of [undefined, "yes", true, { approved: "yes" }, { approved: false }, deny(" ")]) expect(isApprovalDecision(value)).toBe(false);
  });

  it("picks the approval interrupts out of a result", () => {
    const interrupts = [
      { toolUseId: "a", name: "refund", input: {}, reason: "approval-required" },
      { toolUseId: "b", name: "other", input: {}, reason: "durable-wait" },
    ];
    expect(pendingApprovals({ interrupts } as unknown as AgentResult).map((entry) => entry.toolUseId)).toEqual(["a"]);
    expect(pendingApprovals(interrupts).map((entry) => entry.toolUseId)).toEqual(["a"]);
    expect(pendingApprovals(undefined)).toEqual([]);
  });
});
