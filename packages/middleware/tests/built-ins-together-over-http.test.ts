import { Agent, type AgentTool, type Logger } from "@sluice/core";
import { describe, expect, it } from "vitest";
import {
  contextOverflowMiddleware,
  loggingMiddleware,
  promptCachingMiddleware,
  responseCacheMiddleware,
  retryMiddleware,
  slidingWindowManager,
  timeoutMiddleware,
  tracingMiddleware,
  usageMiddleware,
  type UsageRecord,
} from "../src/index.js";
import { problemIn } from "./conversation-fixture.js";
import { modelId, useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

const lookup: AgentTool = {
  name: "lookup",
  description: "Looks a fact up",
  inputSchema: { type: "object", properties: { topic: { type: "string" } } },
  invoke: async (input) => ({ content: [{ text: `fact about ${(input as { topic?: string }).topic}` }] }),
};

/** Every built-in in the order docs/middleware.md recommends. */
function stack() {
  const records: Array<Record<string, unknown>> = [];
  const logger: Logger = { debug: () => undefined, info: (record) => records.push(record), warn: (record) => records.push(record), error: (record) => records.push(record) };
  const usageRecords: UsageRecord[] = [];
  const cache = responseCacheMiddleware();
  const usage = usageMiddleware({ limits: { maxModelCalls: 6 }, onUsage: (record) => usageRecords.push(record) });
  const middleware = [
    tracingMiddleware(),
    loggingMiddleware({ logger }),
    cache,
    usage,
    contextOverflowMiddleware({ manager: slidingWindowManager({ maxMessages: 4 }) }),
    promptCachingMiddleware(),
    retryMiddleware({ baseDelayMs: 1 }),
    timeoutMiddleware({ deadlineMs: 5_000, idleTimeoutMs: 1_000 }),
  ];
  return { middleware, records, usage, usageRecords };
}

describe("all built-ins together over HTTP", () => {
  it("retries an in-stream throttle, then answers the same question from the cache, counting one billed call", async () => {
    const { middleware, records, usage } = stack();
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "stream-error", exception: "ThrottlingException", afterEvents: 0 } });
    const first = new Agent({ modelId, client: local.client(), middleware });
    const stream = first.stream("What is a penstock?");
    const deltas: string[] = [];
    for await (const event of stream) if (event.type === "text-delta") deltas.push(event.text);
    expect(deltas.join("")).toBe("You said: What is a penstock?");

    const second = new Agent({ modelId, client: local.client(), middleware });
    expect((await second.send("What is a penstock?")).text).toBe("You said: What is a penstock?");
    expect(local.emulator.requests).toHaveLength(2); // the throttled attempt and its retry; the repeat was a cache hit
    expect(usage.modelCalls).toBe(1);
    expect(records.map((record) => [record["event"], record["cacheHit"] ?? false])).toEqual([
      ["model-call", false],
      ["model-call", true],
    ]);
  });

  it("recovers from an overflow in a tool loop with a throttle on top, keeping the sent conversation valid", async () => {
    const { middleware, usageRecords } = stack();
    const agent = new Agent({ modelId, client: local.client(), tools: [lookup], middleware });
    await agent.send("hello");
    local.emulator.enqueue([{ toolCalls: [{ name: "lookup", input: { topic: "dams" } }] }, { text: "Dams hold water." }]);
    await agent.send("Tell me about dams");
    local.emulator.clearRequests();
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ValidationException", message: "Input is too long for requested model." } });
    local.emulator.injectFault({ firstCalls: 2, effect: { type: "error", exception: "ThrottlingException" } });
    const result = await agent.send("And weirs?");
    expect(result.text).toBe("You said: And weirs?");
    // The first call was refused as too long and throttled alike; its reduced retry was throttled once more.
    const statuses = local.emulator.requests.map((request) => request.response?.status);
    expect(statuses.at(-1)).toBe(200);
    const sent = (local.emulator.requests.at(-1)?.body as { messages: never[] }).messages;
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(problemIn(sent)).toBeUndefined();
    expect(agent.conversation.length).toBe(8);
    expect(usageRecords.at(-1)?.run.modelCalls).toBe(1);
  });
});
