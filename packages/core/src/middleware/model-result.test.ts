import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import type { ModelResponse } from "../model/model.js";
import { ModelResult, type ModelResultObserver } from "./model-result.js";

const response: ModelResponse = {
  output: { message: { role: "assistant", content: [{ text: "Hello there" }] } },
  stopReason: "end_turn",
  usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 },
  metrics: { latencyMs: 7 },
};

const streamed: ConverseStreamOutput[] = [
  { messageStart: { role: "assistant" } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hel" } } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "lo" } } },
  { contentBlockStop: { contentBlockIndex: 0 } },
  { messageStop: { stopReason: "end_turn" } },
  { metadata: { usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } } },
];

async function collect(result: ModelResult): Promise<ConverseStreamOutput[]> {
  const events: ConverseStreamOutput[] = [];
  for await (const event of result) events.push(event);
  return events;
}

describe("ModelResult", () => {
  it("gives a non-streaming response back unchanged", async () => {
    expect(await ModelResult.fromResponse(response).response()).toBe(response);
  });

  it("produces the event sequence of a non-streaming response when iterated", async () => {
    const events = await collect(ModelResult.fromResponse(response));
    expect(events.map((event) => Object.keys(event)[0])).toEqual([
      "messageStart",
      "contentBlockDelta",
      "contentBlockStop",
      "messageStop",
      "metadata",
    ]);
  });

  it("assembles the response of a stream while it is iterated", async () => {
    const result = ModelResult.fromEvents(streamed);
    expect(await collect(result)).toHaveLength(streamed.length);
    const assembled = await result.response();
    expect(assembled.output?.message?.content).toEqual([{ text: "Hello" }]);
    expect(assembled.usage?.totalTokens).toBe(2);
  });

  it("buffers a stream read through response() so it can still be iterated", async () => {
    const result = ModelResult.fromEvents(streamed);
    expect((await result.response()).output?.message?.content).toEqual([{ text: "Hello" }]);
    expect(await collect(result)).toEqual(streamed);
  });

  it("refuses a second iteration", async () => {
    const result = ModelResult.fromEvents(streamed);
    await collect(result);
    expect(() => result[Symbol.asyncIterator]()).toThrow(/consumed once/);
  });

  it("transforms events and assembles the response from the transformed ones", async () => {
    const upper = ModelResult.fromEvents(streamed).mapEvents((event) =>
      event.contentBlockDelta?.delta?.text
        ? { contentBlockDelta: { ...event.contentBlockDelta, delta: { text: event.contentBlockDelta.delta.text.toUpperCase() } } }
        : event,
    );
    expect((await upper.response()).output?.message?.content).toEqual([{ text: "HELLO" }]);
  });

  it("transforms a non-streaming response through the same event hook", async () => {
    const redacted = ModelResult.fromResponse(response).mapEvents((event) =>
      event.contentBlockDelta?.delta?.text ? { contentBlockDelta: { ...event.contentBlockDelta, delta: { text: "[redacted]" } } } : event,
    );
    expect((await redacted.response()).output?.message?.content).toEqual([{ text: "[redacted]" }]);
  });

  it("reports events, response and errors to an observer without buffering", async () => {
    const seen: string[] = [];
    const observed = ModelResult.fromEvents(streamed).observe({
      onEvent: (event) => seen.push(Object.keys(event)[0] ?? ""),
      onResponse: (full) => seen.push(`response:${full.usage?.totalTokens}`),
    });
    await collect(observed);
    expect(seen.at(-1)).toBe("response:2");
    expect(seen).toHaveLength(streamed.length + 1);

    const failure = new Error("stream broke");
    const errors: unknown[] = [];
    const failing = ModelResult.fromEvents(
      (async function* broken() {
        yield streamed[0] as ConverseStreamOutput;
        throw failure;
      })(),
    ).observe({ onError: (error) => errors.push(error) });
    await expect(collect(failing)).rejects.toBe(failure);
    expect(errors).toEqual([failure]);
  });
});

describe("ModelResult.observe: each call ends exactly one way", () => {
  function recorder(): { seen: string[]; observer: ModelResultObserver } {
    const seen: string[] = [];
    return {
      seen,
      observer: {
        onEvent: (event) => seen.push(`event ${Object.keys(event)[0]}`),
        onResponse: (answer) => seen.push(`finished ${answer.stopReason}`),
        onError: (error) => seen.push(`failed ${(error as Error).message}`),
        onAbandon: () => seen.push("abandoned"),
      },
    };
  }

  it("reports a complete answer at once, and keeps it unchanged", async () => {
    const seen: string[] = [];
    const result = ModelResult.fromResponse(response).observe({ onResponse: (answer) => seen.push(`finished ${answer.stopReason}`) });
    expect(seen).toEqual(["finished end_turn"]);
    expect(await result.response()).toBe(response);
  });

  it("gives an observed complete answer the upstream's response, even when its events are watched", async () => {
    const { seen, observer } = recorder();
    const result = ModelResult.fromResponse(response).observe(observer);
    expect(await result.response()).toBe(response);
    expect(seen.at(-1)).toBe("finished end_turn");
  });

  it("reports a stream's end only after its last event reached the caller", async () => {
    const { seen, observer } = recorder();
    const result = ModelResult.fromEvents(streamed).observe(observer);
    expect(seen).toEqual([]);
    for await (const event of result) seen.push(`caller ${Object.keys(event)[0]}`);
    expect(seen.slice(-3)).toEqual(["event metadata", "caller metadata", "finished end_turn"]);
  });

  it("reports a stream that fails midway once, as a failure", async () => {
    const { seen, observer } = recorder();
    const failing = ModelResult.fromEvents(
      (async function* broken() {
        yield* streamed.slice(0, 2);
        throw new Error("connection reset");
      })(),
    ).observe(observer);
    await expect(collect(failing)).rejects.toThrow("connection reset");
    expect(seen).toEqual(["event messageStart", "event contentBlockDelta", "failed connection reset"]);
  });

  it("reports a stream the caller stopped reading as abandoned", async () => {
    const { seen, observer } = recorder();
    const result = ModelResult.fromEvents(streamed).observe(observer);
    for await (const _event of result) break;
    expect(seen).toEqual(["event messageStart", "abandoned"]);
  });

  it("counts an onResponse that throws as a failure", async () => {
    const seen: string[] = [];
    const result = ModelResult.fromResponse(response).observe({
      onResponse: () => {
        throw new Error("logger broke");
      },
      onError: (error) => seen.push(`failed ${(error as Error).message}`),
      onAbandon: () => seen.push("abandoned"),
    });
    await expect(result.response()).rejects.toThrow("logger broke");
    expect(seen).toEqual(["failed logger broke"]);
  });

  it("replays recorded events for a complete answer when given, and is complete", async () => {
    const result = ModelResult.fromResponse(response, streamed);
    expect(result.complete).toBe(true);
    expect(await collect(result)).toEqual(streamed);
    expect(ModelResult.fromEvents(streamed).complete).toBe(false);
  });
});
