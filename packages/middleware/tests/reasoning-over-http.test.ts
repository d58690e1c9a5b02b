import { Agent, ConfigurationError, ModelCapabilityError } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { reasoningMiddleware } from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const local = useEmulator();
const sent = () => local.emulator.requests.at(-1)?.body as { additionalModelRequestFields?: Record<string, unknown>; outputConfig?: Record<string, unknown> };

async function capabilityError(modelId: string, options: Parameters<typeof reasoningMiddleware>[0]): Promise<string | undefined> {
  const agent = new Agent({ modelId, client: local.client(), middleware: [reasoningMiddleware(options)] });
  const error = await agent.send("Hi").catch((caught: unknown) => caught);
  return ModelCapabilityError.isInstance(error) ? error.capability : String(error);
}

describe("reasoningMiddleware over HTTP", () => {
  it("sends adaptive thinking and effort to a Claude 4.6 model", async () => {
    const agent = new Agent({ modelId: "us.anthropic.claude-opus-4-6-v1", client: local.client(), middleware: [reasoningMiddleware({ thinking: { type: "adaptive" }, effort: "medium" })] });
    await agent.send("Plan the maintenance schedule.");
    expect(sent().additionalModelRequestFields).toEqual({ thinking: { type: "adaptive" } });
    expect(sent().outputConfig).toEqual({ effort: "medium" });
    expect(local.emulator.requests.at(-1)?.response?.status).toBe(200);
  });

  it("sends a thinking budget in Claude's own field names, keeping other fields", async () => {
    const agent = new Agent({
      modelId: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
      client: local.client(),
      additionalModelRequestFields: { top_k: 40 },
      middleware: [reasoningMiddleware({ thinking: { type: "enabled", budgetTokens: 2048 } })],
    });
    await agent.send("Hi");
    expect(sent().additionalModelRequestFields).toEqual({ top_k: 40, thinking: { type: "enabled", budget_tokens: 2048 } });
    expect(local.emulator.requests.at(-1)?.response?.status).toBe(200);
  });

  it("refuses what the model lacks with a ModelCapabilityError before any call", async () => {
    expect(await capabilityError("us.anthropic.claude-sonnet-4-5-20250929-v1:0", { thinking: { type: "adaptive" } })).toBe("reasoning.adaptive");
    expect(await capabilityError("global.anthropic.claude-opus-4-7", { thinking: { type: "enabled", budgetTokens: 2048 } })).toBe("reasoning.enabled");
    expect(await capabilityError("us.anthropic.claude-3-7-sonnet-20250219-v1:0", { effort: "low" })).toBe("reasoning.effort");
    expect(await capabilityError("us.amazon.nova-lite-v1:0", { thinking: { type: "enabled", budgetTokens: 2048 } })).toBe("reasoning");
    expect(local.emulator.requests).toHaveLength(0);
  });

  it("checks its options when created", () => {
    expect(() => reasoningMiddleware({ thinking: { type: "enabled", budgetTokens: 100 } })).toThrow(ConfigurationError);
    expect(() => reasoningMiddleware({ effort: "extreme" as never })).toThrow(/use one of low, medium, high, xhigh, max/);
    expect(() => reasoningMiddleware({ thinking: { type: "auto" } as never })).toThrow(/thinking.type is "auto"/);
  });
});
