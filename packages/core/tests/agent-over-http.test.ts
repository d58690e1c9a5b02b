import { NodeHttp2Handler } from "@smithy/node-http-handler";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  Agent,
  BedrockError,
  ModelResult,
  type Message,
  type ModelMiddleware,
  type AgentTool,
} from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const modelId = "anthropic.claude-3-5-haiku-20241022-v1:0";
const local = useEmulator();

type RecordedBody = { messages?: Message[]; system?: Array<{ text?: string }>; inferenceConfig?: Record<string, unknown> };
const bodyOf = (index: number) => local.emulator.requests[index]?.body as RecordedBody;

const clock: AgentTool = {
  name: "current_time",
  description: "The current time in a city",
  inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  invoke: async (input) => ({ content: [{ json: { city: (input as { city: string }).city, time: "12:00" } }] }),
};

describe("Agent over HTTP against the emulator", () => {
  it("carries a multi-turn conversation: the second request holds the whole history", async () => {
    const agent = new Agent({ modelId, client: local.client(), system: "Be brief." });
    expect((await agent.send("Hello")).text).toBe("You said: Hello");
    const second = await agent.send("Again");
    expect(second.text).toBe("You said: Again");
    expect(bodyOf(1).messages?.map((m) => m.content?.[0]?.text)).toEqual(["Hello", "You said: Hello", "Again"]);
    expect(bodyOf(1).system).toEqual([{ text: "Be brief." }]);
    expect(second.usage.totalTokens).toBeGreaterThan(0);
  });

  it("runs a tool round trip that the emulator's validation accepts", async () => {
    local.emulator.enqueue([{ toolCalls: [{ name: "current_time", input: { city: "Oslo" } }] }, { text: "It is noon in Oslo." }]);
    const agent = new Agent({ modelId, client: local.client(), tools: [clock] });
    const result = await agent.send("What time is it in Oslo?");
    expect(result.text).toBe("It is noon in Oslo.");
    expect(local.emulator.requests.map((r) => r.response?.status)).toEqual([200, 200]);
    const toolResult = bodyOf(1).messages?.[2]?.content?.[0]?.toolResult;
    expect(toolResult?.content?.[0]).toEqual({ json: { city: "Oslo", time: "12:00" } });
    // A follow-up turn is accepted too: the stored history is valid for Bedrock.
    await agent.send("Thanks");
    expect(local.emulator.requests.at(-1)?.response?.status).toBe(200);
  });

  it("streams over ConverseStream and sends over Converse through one middleware", async () => {
    const seen: string[] = [];
    const shout: ModelMiddleware = async function shout(call, next) {
      seen.push(call.streaming ? "stream" : "send");
      return (await next()).mapEvents((event) =>
        event.contentBlockDelta?.delta?.text !== undefined
          ? { contentBlockDelta: { ...event.contentBlockDelta, delta: { text: event.contentBlockDelta.delta.text.toUpperCase() } } }
          : event,
      );
    };
    const agent = new Agent({ modelId, client: local.client(), middleware: [shout] });
    expect((await agent.send("quiet words")).text).toBe("YOU SAID: QUIET WORDS");
    const stream = agent.stream("more words here");
    const deltas: string[] = [];
    for await (const event of stream) if (event.type === "text-delta") deltas.push(event.text);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toBe("YOU SAID: MORE WORDS HERE");
    expect((await stream.result).text).toBe("YOU SAID: MORE WORDS HERE");
    expect(seen).toEqual(["send", "stream"]);
    expect(local.emulator.requests.map((r) => r.operation)).toEqual(["Converse", "ConverseStream"]);
  });

  it("lets a middleware rewrite the request that goes on the wire", async () => {
    const rewrite: ModelMiddleware = (call, next) =>
      next({ ...call.request, system: [{ text: "Injected rule." }], inferenceConfig: { maxTokens: 64, temperature: 0 } });
    const agent = new Agent({ modelId, client: local.client(), middleware: [rewrite] });
    await agent.send("hi");
    expect(bodyOf(0).system).toEqual([{ text: "Injected rule." }]);
    expect(bodyOf(0).inferenceConfig).toEqual({ maxTokens: 64, temperature: 0 });
  });

  it("lets a middleware answer without any request reaching Bedrock", async () => {
    const cached: ModelMiddleware = () =>
      ModelResult.fromResponse({
        output: { message: { role: "assistant", content: [{ text: "from cache" }] } },
        stopReason: "end_turn",
        usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
        metrics: { latencyMs: 0 },
      });
    const agent = new Agent({ modelId, client: local.client(), middleware: [cached] });
    expect((await agent.send("hi")).text).toBe("from cache");
    const streamed = agent.stream("again");
    const texts: string[] = [];
    for await (const event of streamed) if (event.type === "text-delta") texts.push(event.text);
    expect(texts).toEqual(["from cache"]);
    expect(local.emulator.requests).toHaveLength(0);
  });

  it("lets a middleware retry a throttled call", async () => {
    local.emulator.injectFault({ firstCalls: 2, effect: { type: "error", exception: "ThrottlingException" } });
    const failures: string[] = [];
    const retry: ModelMiddleware = async function retry(_call, next) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await next();
        } catch (error) {
          if (!BedrockError.isInstance(error) || !error.isRetryable || attempt >= 5) throw error;
          failures.push(`${error.errorName}:${error.httpStatus}`);
        }
      }
    };
    const agent = new Agent({ modelId, client: local.client(), middleware: [retry] });
    expect((await agent.send("persist")).text).toBe("You said: persist");
    expect(failures).toEqual(["ThrottlingException:429", "ThrottlingException:429"]);
    expect(local.emulator.requests).toHaveLength(3);
  });

  it("reports an exception inside a stream as a BedrockError and rolls the turn back", async () => {
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "stream-error", exception: "ModelStreamErrorException", afterEvents: 2 } });
    const agent = new Agent({ modelId, client: local.client() });
    const stream = agent.stream("this will break midway");
    const error = await stream.result.catch((e: unknown) => e);
    expect(BedrockError.isInstance(error)).toBe(true);
    expect((error as BedrockError).errorName).toBe("ModelStreamErrorException");
    expect((error as BedrockError).inStream).toBe(true);
    expect(agent.conversation.length).toBe(0);
    expect((await agent.send("second try")).text).toBe("You said: second try");
  });

  it("aborts mid-stream: the request is cancelled and the conversation stays valid", async () => {
    local.emulator.setStreaming({ chunkSize: 2, chunkDelayMs: 30 });
    const agent = new Agent({ modelId, client: local.client() });
    await agent.send("first");
    const controller = new AbortController();
    const stream = agent.stream("a long question that streams slowly", { signal: controller.signal });
    const started = Date.now();
    let deltas = 0;
    const consumed = (async () => {
      for await (const event of stream) {
        if (event.type === "text-delta" && ++deltas === 2) controller.abort();
      }
    })();
    const error = await stream.result.catch((e: unknown) => e);
    await consumed.catch(() => undefined);
    expect(AbortError.isInstance(error)).toBe(true);
    // The full answer would take about 20 chunks × 30 ms; aborting ends it long before.
    expect(Date.now() - started).toBeLessThan(500);
    expect(agent.conversation.length).toBe(2);
    local.emulator.setStreaming({ chunkDelayMs: 0 });
    expect((await agent.send("after abort")).text).toBe("You said: after abort");
    expect(local.emulator.requests.at(-1)?.response?.status).toBe(200);
  });

  it("rolls back a failed turn in the middle of the tool loop", async () => {
    const agent = new Agent({ modelId, client: local.client(), tools: [clock] });
    await agent.send("Hello");
    // The fault counts calls from now: the first asks for the tool, the second (after the tool result) fails.
    local.emulator.enqueue([{ toolCalls: [{ name: "current_time", input: { city: "Lima" } }] }]);
    local.emulator.injectFault({ everyNth: 2, effect: { type: "error", exception: "InternalServerException" } });
    const error = await agent.send("Time in Lima?").catch((e: unknown) => e);
    expect(BedrockError.isInstance(error) && error.errorName).toBe("InternalServerException");
    expect((error as BedrockError).rollback).toEqual({ discardedMessages: 3, conversationLength: 2 });
    expect(agent.conversation.length).toBe(2);
    expect((await agent.send("Still there?")).text).toBe("You said: Still there?");
  });

  it("restores a snapshot into a new agent that continues exactly where it was", async () => {
    const first = new Agent({ modelId, client: local.client(), system: "Remember things." });
    await first.send("My name is Ada.");
    const saved = JSON.stringify(first.snapshot());
    const second = new Agent({ modelId, client: local.client() });
    second.restore(JSON.parse(saved));
    await second.send("What is my name?");
    expect(bodyOf(1).messages).toEqual([...(bodyOf(0).messages ?? []), { role: "assistant", content: [{ text: "You said: My name is Ada." }] }, { role: "user", content: [{ text: "What is my name?" }] }]);
    expect(bodyOf(1).system).toEqual([{ text: "Remember things." }]);
  });

  it("queues concurrent sends on one agent so each sees a complete history", async () => {
    local.emulator.setStreaming({ firstTokenDelayMs: 20 });
    const agent = new Agent({ modelId, client: local.client() });
    const results = await Promise.all(["one", "two", "three"].map((text) => agent.send(text)));
    expect(results.map((r) => r.text)).toEqual(["You said: one", "You said: two", "You said: three"]);
    expect(local.emulator.requests.map((r) => (r.body as RecordedBody).messages?.length)).toEqual([1, 3, 5]);
    expect(agent.conversation.length).toBe(6);
  });

  it("works over the SDK's HTTP/2 handler too", async () => {
    const agent = new Agent({ modelId, client: local.client({ requestHandler: new NodeHttp2Handler() }) });
    expect((await agent.send("over h2")).text).toBe("You said: over h2");
    expect(local.emulator.requests[0]?.httpVersion).toBe("2.0");
  });
});
