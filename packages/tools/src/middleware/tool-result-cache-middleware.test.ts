import { Agent, type AgentEvent } from "@sluice/core";
import { ManualClock, ScriptedModel } from "@sluice/core/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../define/define-tool.js";
import { toolResult } from "../results/tool-result.js";
import { cacheKey, toolResultCacheMiddleware } from "./tool-result-cache-middleware.js";

function weatherTool() {
  const calls: string[] = [];
  const tool = defineTool({
    name: "get_weather",
    description: "Weather",
    input: z.object({ city: z.string(), unit: z.string().optional() }),
    handler: ({ city }) => (calls.push(city), city === "Atlantis" ? toolResult("Unknown city", { status: "error" }) : { city, temperature: 20 + calls.length }),
  });
  return { tool, calls };
}

const ask = (input: Record<string, unknown>) => ({ toolCalls: [{ name: "get_weather", input }] });

describe("toolResultCacheMiddleware", () => {
  it("answers a repeated call from the cache, whatever the key order, until the TTL passes", async () => {
    const { tool, calls } = weatherTool();
    const clock = new ManualClock(1_000);
    const cache = toolResultCacheMiddleware({ ttlMs: 60_000, clock });
    const model = new ScriptedModel([ask({ city: "Oslo", unit: "c" }), "ok", ask({ unit: "c", city: "Oslo" }), "ok", ask({ city: "Oslo", unit: "c" }), "ok"]);
    const agent = new Agent({ modelId: "test", model, tools: [tool], middleware: [cache] });
    const results: AgentEvent[] = [];
    agent.on("tool-result", (event) => results.push(event));
    await agent.send("one");
    await agent.send("two");
    expect(calls).toEqual(["Oslo"]);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    expect(results.map((event) => (event as { content: unknown }).content)).toEqual([
      [{ json: { city: "Oslo", temperature: 21 } }],
      [{ json: { city: "Oslo", temperature: 21 } }],
    ]);
    clock.advance(60_001);
    await agent.send("three");
    expect(calls).toEqual(["Oslo", "Oslo"]);
    expect(cache.stats).toEqual({ hits: 1, misses: 2 });
  });

  it("never caches failures, and only caches the tools it is told to", async () => {
    const { tool, calls } = weatherTool();
    const other = defineTool({ name: "roll_dice", description: "Random", handler: () => String(Math.random()) });
    const cache = toolResultCacheMiddleware({ tools: ["get_weather"] });
    const model = new ScriptedModel([
      ask({ city: "Atlantis" }),
      ask({ city: "Atlantis" }),
      { toolCalls: [{ name: "roll_dice" }, { name: "roll_dice" }] },
      "done",
    ]);
    const agent = new Agent({ modelId: "test", model, tools: [tool, other], middleware: [cache] });
    const result = await agent.send("go");
    expect(calls).toEqual(["Atlantis", "Atlantis"]);
    const dice = result.steps[2]?.toolCalls.map((record) => record.content[0]?.text);
    expect(new Set(dice).size).toBe(2);
    expect(cache.stats).toEqual({ hits: 0, misses: 2 });
  });

  it("evicts the least recently used entry past maxEntries, and clears on demand", async () => {
    const { tool, calls } = weatherTool();
    const cache = toolResultCacheMiddleware({ maxEntries: 2 });
    const model = new ScriptedModel([ask({ city: "A" }), ask({ city: "B" }), ask({ city: "A" }), ask({ city: "C" }), ask({ city: "B" }), ask({ city: "A" }), "done"]);
    const agent = new Agent({ modelId: "test", model, tools: [tool], middleware: [cache] });
    await agent.send("go");
    // A, B miss; A hits; C evicts B; B misses (evicts A); A misses.
    expect(calls).toEqual(["A", "B", "C", "B", "A"]);
    await cache.clear();
    model.enqueue(ask({ city: "A" }), "done");
    await agent.send("again");
    expect(calls.at(-1)).toBe("A");
  });

  it("keys by tool name and canonical JSON", () => {
    expect(cacheKey("t", { b: 1, a: [1, { d: 2, c: 3 }] })).toBe(cacheKey("t", { a: [1, { c: 3, d: 2 }], b: 1 }));
    expect(cacheKey("t", {})).not.toBe(cacheKey("u", {}));
    expect(() => toolResultCacheMiddleware({ ttlMs: 0 })).toThrow(/ttlMs must be a positive number/);
    expect(() => toolResultCacheMiddleware({ maxEntries: 1.5 })).toThrow(/maxEntries must be a positive integer/);
  });
});
