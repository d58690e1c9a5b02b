import { describe, expect, it } from "vitest";
import { askSupport } from "./triage-handoff.js";

describe("triage hand-off example", () => {
  it("hands a billing question to the billing specialist", async () => {
    const { result, models } = await askSupport("I was charged twice this month");
    expect(result).toMatchObject({
      status: "complete",
      output: { agent: "billing", reason: "a billing question", text: "I've refunded the second charge; it will show in 3 to 5 days." },
    });
    expect(models).toEqual(["us.amazon.nova-micro-v1:0", "us.amazon.nova-lite-v1:0"]);
    expect(Object.keys(result.state.records)).toEqual(["support/desk/triage", "support/desk/billing"]);
  });

  it("hands an app problem to the technical specialist", async () => {
    const { result, models } = await askSupport("The app shows an error when it starts");
    expect(result).toMatchObject({ output: { agent: "technical", text: "Please update to version 2.4; it fixes that start-up error." } });
    expect(models).toEqual(["us.amazon.nova-micro-v1:0", "us.anthropic.claude-3-5-haiku-20241022-v1:0"]);
  });
});
