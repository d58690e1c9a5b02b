import { Agent, type AgentTool } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { UsageLimitError, responseCacheMiddleware, timeoutMiddleware, usageMiddleware, type UsageRecord } from "../src/index.js";
import { modelId, useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

const lookup: AgentTool = {
  name: "lookup",
  description: "Looks a word up",
  inputSchema: { type: "object", properties: { word: { type: "string" } } },
  invoke: async () => ({ content: [{ text: "a gate that controls water" }] }),
};

const prices = { [modelId]: { inputPerMillion: 1, outputPerMillion: 5, cacheReadPerMillion: 0.1, cacheWritePerMillion: 1.25 } };

describe("usageMiddleware over HTTP", () => {
  it("stops a run at its token limit before the next model call and rolls the turn back", async () => {
    const usage = usageMiddleware({ limits: { maxTotalTokens: 100 } });
    const agent = new Agent({ modelId, client: local.client(), tools: [lookup], middleware: [usage] });
    local.emulator.enqueue([{ toolCalls: [{ name: "lookup", input: { word: "sluice" } }], usage: { inputTokens: 70, outputTokens: 40 } }]);
    const error = await agent.send("What is a sluice?").catch((caught: unknown) => caught);
    expect(UsageLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: "total-tokens", used: 110, maximum: 100 });
    expect(local.emulator.requests).toHaveLength(1);
    expect(agent.conversation.length).toBe(0);
    // Limits are per run: the next run starts from zero.
    expect((await agent.send("Just say hi")).text).toBe("You said: Just say hi");
  });

  it("keeps per-run limits wherever it sits, even inside a timeout middleware", async () => {
    const agent = new Agent({
      modelId,
      client: local.client(),
      tools: [lookup],
      middleware: [timeoutMiddleware({ deadlineMs: 5_000 }), usageMiddleware({ limits: { maxModelCalls: 1 } })],
    });
    local.emulator.enqueue([{ toolCalls: [{ name: "lookup", input: { word: "a" } }] }, { text: "done" }]);
    const error = await agent.send("Look one word up").catch((caught: unknown) => caught);
    expect(UsageLimitError.isInstance(error) && error.limit).toBe("model-calls");
    expect(local.emulator.requests).toHaveLength(1);
  });

  it("limits model calls per run", async () => {
    const agent = new Agent({ modelId, client: local.client(), tools: [lookup], middleware: [usageMiddleware({ limits: { maxModelCalls: 2 } })] });
    local.emulator.enqueue([
      { toolCalls: [{ name: "lookup", input: { word: "a" } }] },
      { toolCalls: [{ name: "lookup", input: { word: "b" } }] },
      { text: "done" },
    ]);
    const error = await agent.send("Look up two words").catch((caught: unknown) => caught);
    expect(UsageLimitError.isInstance(error) && error.limit).toBe("model-calls");
    expect(local.emulator.requests).toHaveLength(2);
  });

  it("reports usage per call, per run and in total, with cache tokens and cost", async () => {
    const records: UsageRecord[] = [];
    const usage = usageMiddleware({ prices, onUsage: (record) => records.push(record) });
    const agent = new Agent({ modelId, client: local.client(), tools: [lookup], middleware: [usage] });
    local.emulator.enqueue([
      { toolCalls: [{ name: "lookup", input: { word: "weir" } }], usage: { inputTokens: 100, outputTokens: 20, cacheWriteInputTokens: 1_000 } },
      { text: "A weir is a low dam.", usage: { inputTokens: 150, outputTokens: 30, cacheReadInputTokens: 1_000 } },
    ]);
    const result = await agent.send("What is a weir?");
    expect(records.map((record) => [record.step, record.usage.totalTokens])).toEqual([
      [1, 1_120],
      [2, 1_180],
    ]);
    expect(records[1]?.run.modelCalls).toBe(2);
    expect(records[1]?.run.usage).toEqual(result.usage);
    expect(result.usage).toMatchObject({ cacheReadInputTokens: 1_000, cacheWriteInputTokens: 1_000 });
    const expectedCost = (250 * 1 + 50 * 5 + 1_000 * 0.1 + 1_000 * 1.25) / 1_000_000;
    expect(records[1]?.run.cost).toBeCloseTo(expectedCost, 12);
    expect(usage.costOf(result.usage, `us.${modelId}`)).toBeCloseTo(expectedCost, 12);

    await agent.send("Thanks");
    expect(usage.total).toEqual(agent.conversation.usage);
    expect(usage.modelCalls).toBe(3);
    expect(usage.totalCost).toBeCloseTo(usage.costOf(agent.conversation.usage, modelId) as number, 12);
  });

  it("counts nothing for answers from the response cache", async () => {
    const records: UsageRecord[] = [];
    const cache = responseCacheMiddleware();
    const usage = usageMiddleware({ prices, onUsage: (record) => records.push(record) });
    for (let index = 0; index < 2; index += 1) {
      await new Agent({ modelId, client: local.client(), middleware: [usage, cache] }).send("same words");
    }
    expect(records.map((record) => record.cached)).toEqual([false, true]);
    expect(records[1]?.usage.totalTokens).toBe(0);
    expect(usage.total.totalTokens).toBe(records[0]?.usage.totalTokens);
    expect(local.emulator.requests).toHaveLength(1);
  });

  it("refuses invalid limits and price tables", () => {
    expect(() => usageMiddleware({ limits: { maxTotalTokens: 0 } })).toThrow(/limits.maxTotalTokens must be an integer/);
    expect(() => usageMiddleware({ limits: { maxTokens: 5 } as never })).toThrow(/unknown option "maxTokens"/);
    expect(() => usageMiddleware({ prices: { [modelId]: { inputPerMillion: -1, outputPerMillion: 1 } } })).toThrow(/inputPerMillion must be a number/);
  });
});
