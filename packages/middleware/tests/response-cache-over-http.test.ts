import { AbortError, Agent, BedrockError, type ConverseStreamOutput, type ModelMiddleware } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { MemoryCacheStore, responseCacheMiddleware, type CacheEntry, type CacheLease, type CacheStore } from "../src/index.js";
import { modelId, useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

/** An outer middleware that records the raw events every call produced and whether it was a hit. */
function recorder() {
  const calls: Array<{ events: ConverseStreamOutput[]; hit: boolean | undefined }> = [];
  const middleware: ModelMiddleware = async function record(call, next) {
    const entry = { events: [] as ConverseStreamOutput[], hit: undefined as boolean | undefined };
    calls.push(entry);
    const result = await next();
    entry.hit = call.state.responseCacheHit;
    return result.observe({ onEvent: (event) => entry.events.push(event) });
  };
  return { calls, middleware };
}

async function drain(stream: ReturnType<Agent["stream"]>): Promise<string[]> {
  const deltas: string[] = [];
  for await (const event of stream) if (event.type === "text-delta") deltas.push(event.text);
  return deltas;
}

describe("responseCacheMiddleware over HTTP", () => {
  it("answers a repeated streamed call with the same events and no model call", async () => {
    const cache = responseCacheMiddleware();
    const seen = recorder();
    const first = new Agent({ modelId, client: local.client(), middleware: [seen.middleware, cache] });
    const firstDeltas = await drain(first.stream("What is a sluice gate?"));
    const second = new Agent({ modelId, client: local.client(), middleware: [seen.middleware, cache] });
    const secondDeltas = await drain(second.stream("What is a sluice gate?"));

    expect(local.emulator.requests).toHaveLength(1);
    expect(seen.calls.map((call) => call.hit)).toEqual([undefined, true]);
    expect(seen.calls[1]?.events).toEqual(seen.calls[0]?.events);
    expect(seen.calls[0]?.events.length).toBeGreaterThan(4);
    expect(secondDeltas).toEqual(firstDeltas);
    expect(second.conversation.messages).toEqual(first.conversation.messages);
  });

  it("replays a non-streamed answer to a streamed call, and the reverse", async () => {
    const cache = responseCacheMiddleware();
    const agent = () => new Agent({ modelId, client: local.client(), middleware: [cache] });
    const sent = await agent().send("Tell me about locks");
    expect((await drain(agent().stream("Tell me about locks"))).join("")).toBe(sent.text);
    const streamed = agent().stream("Tell me about weirs");
    await drain(streamed);
    expect((await agent().send("Tell me about weirs")).text).toBe((await streamed.result).text);
    expect(local.emulator.requests.map((request) => request.operation)).toEqual(["Converse", "ConverseStream"]);
  });

  it("makes one model call for 20 identical concurrent calls", async () => {
    local.emulator.injectFault({ effect: { type: "latency", delayMs: 100 } });
    // A store that keeps nothing: only sharing the in-flight call can avoid 20 model calls.
    const cache = responseCacheMiddleware({ store: { get: () => undefined, set: () => undefined, delete: () => undefined } });
    const agents = Array.from({ length: 20 }, () => new Agent({ modelId, client: local.client(), middleware: [cache] }));
    const texts = await Promise.all(
      agents.map(async (agent, index) => {
        if (index % 2 === 0) return (await agent.send("the same question")).text;
        const stream = agent.stream("the same question");
        await drain(stream);
        return (await stream.result).text;
      }),
    );
    expect(local.emulator.requests).toHaveLength(1);
    expect(texts).toHaveLength(20);
    expect(new Set(texts)).toEqual(new Set(["You said: the same question"]));
  });

  it("hands a failed in-flight call over to one of the waiting calls", async () => {
    local.emulator.setStreaming({ firstTokenDelayMs: 50 });
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ThrottlingException" } });
    const cache = responseCacheMiddleware();
    const outcomes = await Promise.all(
      Array.from({ length: 3 }, () =>
        new Agent({ modelId, client: local.client(), middleware: [cache] }).send("contended").then(
          (result) => result.text,
          (error: unknown) => (BedrockError.isInstance(error) ? error.errorName : "other"),
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(["ThrottlingException", "You said: contended", "You said: contended"]);
    expect(local.emulator.requests).toHaveLength(2);
  });

  it("lets a call waiting for an identical one give up when it is aborted", async () => {
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "latency", delayMs: 300 } });
    const cache = responseCacheMiddleware();
    const agent = () => new Agent({ modelId, client: local.client(), middleware: [cache] });
    const leader = agent().send("slow shared question");
    const controller = new AbortController();
    const follower = agent().send("slow shared question", { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    await expect(follower).rejects.toSatisfy(AbortError.isInstance);
    expect(Date.now() - started).toBeLessThan(250);
    expect((await leader).text).toBe("You said: slow shared question");
    expect(local.emulator.requests).toHaveLength(1);
  });

  it("stores only complete, successful answers", async () => {
    const store = new MemoryCacheStore();
    const cache = responseCacheMiddleware({ store });
    const agent = () => new Agent({ modelId, client: local.client(), middleware: [cache] });

    local.emulator.injectFault({ firstCalls: 1, effect: { type: "stream-error", exception: "InternalServerException", afterEvents: 3 } });
    await expect(agent().stream("broken stream").result).rejects.toThrow(/InternalServerException/);
    expect(store.size).toBe(0);
    await drain(agent().stream("broken stream"));
    expect(store.size).toBe(1);

    local.emulator.enqueue([
      { text: "cut off mid", stopReason: "max_tokens" },
      { text: "cut off again", stopReason: "max_tokens" },
    ]);
    expect((await agent().send("truncated")).stopReason).toBe("max_tokens");
    expect((await agent().send("truncated")).text).toBe("cut off again");
    expect(store.size).toBe(1);
    expect(local.emulator.requests.map((request) => request.response?.status)).toEqual([200, 200, 200, 200]);
  });

  it("lets a call opt out through an option or the call state", async () => {
    const cache = responseCacheMiddleware({ bypass: (call) => call.request.messages?.at(-1)?.content?.[0]?.text === "live data" });
    const refresh: ModelMiddleware = (call, next) => {
      call.state.responseCache = "refresh";
      return next();
    };
    const plain = () => new Agent({ modelId, client: local.client(), middleware: [cache] });
    await plain().send("live data");
    await plain().send("live data");
    expect(local.emulator.requests).toHaveLength(2);

    await plain().send("cached data");
    await new Agent({ modelId, client: local.client(), middleware: [refresh, cache] }).send("cached data");
    await plain().send("cached data");
    expect(local.emulator.requests).toHaveLength(4);
  });

  it("forgets an entry when its TTL runs out", async () => {
    const cache = responseCacheMiddleware({ ttlMs: 40 });
    const agent = () => new Agent({ modelId, client: local.client(), middleware: [cache] });
    await agent().send("short lived");
    await agent().send("short lived");
    expect(local.emulator.requests).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await agent().send("short lived");
    expect(local.emulator.requests).toHaveLength(2);
  });
});

describe("responseCacheMiddleware with a store that coordinates processes (claim)", () => {
  function claimingStore(answer?: CacheEntry) {
    const log: string[] = [];
    const store: CacheStore = {
      get: () => undefined,
      set: (key) => void log.push(`set ${key.length}`),
      delete: () => undefined,
      claim: async () => {
        log.push("claim");
        if (answer) return { entry: answer };
        const lease: CacheLease = {
          complete: async (entry, ttlMs) => void log.push(`complete ${entry.response.stopReason} ${String(ttlMs)}`),
          release: async () => void log.push("release"),
        };
        return { lease };
      },
    };
    return { store, log };
  }

  it("answers from another holder's entry without calling the model", async () => {
    const entry: CacheEntry = {
      response: { output: { message: { role: "assistant", content: [{ text: "from another process" }] } }, stopReason: "end_turn", usage: { inputTokens: 1, outputTokens: 3, totalTokens: 4 }, metrics: { latencyMs: 1 } },
      storedAt: 0,
    };
    const { store, log } = claimingStore(entry);
    const cache = responseCacheMiddleware({ store });
    expect((await new Agent({ modelId, client: local.client(), middleware: [cache] }).send("q")).text).toBe("from another process");
    expect(await drain(new Agent({ modelId, client: local.client(), middleware: [cache] }).stream("q"))).toEqual(["from another process"]);
    expect(local.emulator.requests).toHaveLength(0);
    expect(log).toEqual(["claim", "claim"]);
  });

  it("completes the lease with the TTL for a cacheable answer, without one for a truncated answer, and releases it after a failure; claims once per process", async () => {
    const { store, log } = claimingStore();
    const cache = responseCacheMiddleware({ store, ttlMs: 1234 });
    const agent = () => new Agent({ modelId, client: local.client(), middleware: [cache] });
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "latency", delayMs: 100 } });
    await Promise.all([agent().send("same"), agent().send("same"), agent().send("same")]);
    local.emulator.enqueue({ text: "cut", stopReason: "max_tokens" });
    await agent().send("truncated");
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ThrottlingException" } });
    await expect(agent().send("failing")).rejects.toSatisfy(BedrockError.isInstance);
    expect(log).toEqual(["claim", "complete end_turn 1234", "claim", "complete max_tokens undefined", "claim", "release"]);
    expect(local.emulator.requests).toHaveLength(3);
  });

  it("calls the model when the store cannot be read or claimed", async () => {
    const down = () => {
      throw new Error("connection refused");
    };
    const cache = responseCacheMiddleware({ store: { get: down, set: down, delete: down, claim: async () => down() } });
    expect((await new Agent({ modelId, client: local.client(), middleware: [cache] }).send("still answered")).text).toBe("You said: still answered");
  });
});
