import { ModelResult, type ConverseStreamOutput, type ModelResponse } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { watchModelCall, type ModelCallWatcher } from "./watch-model-call.js";

const response: ModelResponse = {
  output: { message: { role: "assistant", content: [{ text: "Hello" }] } },
  stopReason: "end_turn",
  usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 },
  metrics: { latencyMs: 0 },
};

const events: ConverseStreamOutput[] = [
  { messageStart: { role: "assistant" } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hello" } } },
  { contentBlockStop: { contentBlockIndex: 0 } },
  { messageStop: { stopReason: "end_turn" } },
];

function recorder(): { seen: string[]; watcher: ModelCallWatcher } {
  const seen: string[] = [];
  return {
    seen,
    watcher: {
      event: (event) => seen.push(`event ${Object.keys(event)[0]}`),
      finished: (answer) => seen.push(`finished ${answer.stopReason}`),
      failed: (error) => seen.push(`failed ${(error as Error).message}`),
      abandoned: () => seen.push("abandoned"),
    },
  };
}

function failingAfter(count: number): ModelResult {
  return ModelResult.fromEvents(
    (async function* failing() {
      yield* events.slice(0, count);
      throw new Error("connection reset");
    })(),
  );
}

describe("watchModelCall", () => {
  it("reports a non-streamed answer before handing it back", async () => {
    const { seen, watcher } = recorder();
    const result = await watchModelCall(false, async () => ModelResult.fromResponse(response), watcher);
    expect(seen).toEqual(["finished end_turn"]);
    expect(await result.response()).toBe(response);
  });

  it("reports a call that fails before answering, and lets the error out", async () => {
    const { seen, watcher } = recorder();
    await expect(watchModelCall(true, async () => Promise.reject(new Error("throttled")), watcher)).rejects.toThrow("throttled");
    expect(seen).toEqual(["failed throttled"]);
  });

  it("reports a stream's end only after its last event reached the caller", async () => {
    const { seen, watcher } = recorder();
    const result = await watchModelCall(true, async () => ModelResult.fromEvents(events), watcher);
    expect(seen).toEqual([]);
    for await (const event of result) seen.push(`caller ${Object.keys(event)[0]}`);
    expect(seen.slice(-3)).toEqual(["event messageStop", "caller messageStop", "finished end_turn"]);
  });

  it("reports a stream that fails midway once, as a failure", async () => {
    const { seen, watcher } = recorder();
    const result = await watchModelCall(true, async () => failingAfter(2), watcher);
    await expect(async () => {
      for await (const _event of result) void _event;
    }).rejects.toThrow("connection reset");
    expect(seen).toEqual(["event messageStart", "event contentBlockDelta", "failed connection reset"]);
  });

  it("reports a stream the caller stopped reading as abandoned", async () => {
    const { seen, watcher } = recorder();
    const result = await watchModelCall(true, async () => ModelResult.fromEvents(events), watcher);
    for await (const _event of result) break;
    expect(seen).toEqual(["event messageStart", "abandoned"]);
  });

  it("counts a finished callback that throws as a failure", async () => {
    const seen: string[] = [];
    const watcher: ModelCallWatcher = {
      finished: () => {
        throw new Error("logger broke");
      },
      failed: (error) => seen.push(`failed ${(error as Error).message}`),
      abandoned: () => seen.push("abandoned"),
    };
    await expect(watchModelCall(false, async () => ModelResult.fromResponse(response), watcher)).rejects.toThrow("logger broke");
    expect(seen).toEqual(["failed logger broke"]);
  });
});
