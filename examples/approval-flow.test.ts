import { describe, expect, it } from "vitest";
import { runApprovalFlow } from "./approval-flow.js";

describe("approval flow example", () => {
  it("pauses on the large refund, survives a restart through a JSON file, and runs it once approved", async () => {
    const lines: string[] = [];
    const outcome = await runApprovalFlow({ write: (line) => lines.push(line) });
    expect(outcome.pausedStatus).toBe("interrupted");
    expect(outcome.pending.map((call) => [call.name, call.input])).toEqual([["refund_order", { orderId: "1042", cents: 24_900 }]]);
    expect(lines).toContain('  [waiting for approval: refund_order {"orderId":"1042","cents":24900}]');
    expect(outcome.refunds).toEqual([{ orderId: "1042", cents: 24_900 }]);
    expect(outcome.finished.text).toBe("Done, Ada: $249.00 is on its way back to your card.");
    // user, assistant (two tool uses), user (two results), assistant
    expect(outcome.conversationLength).toBe(4);
  });

  it("tells the model why when the person denies, and refunds nothing", async () => {
    const outcome = await runApprovalFlow({ decision: "deny", write: () => undefined });
    expect(outcome.refunds).toEqual([]);
    expect(outcome.finished.text).toBe("I'm sorry, Ada: a refund this large needs a manager. I've asked one to call you.");
    // The run's messages: user, assistant (two tool uses), user (two results), assistant.
    const results = outcome.finished.messages[2]?.content?.map((block) => block.toolResult?.status);
    expect(results).toEqual(["success", "error"]);
    expect(outcome.finished.messages[2]?.content?.[1]?.toolResult?.content?.[0]?.text).toBe(
      "The user denied the call to refund_order, so it did not run. Reason: Refunds over $100 need a manager's sign-off.",
    );
  });
});
