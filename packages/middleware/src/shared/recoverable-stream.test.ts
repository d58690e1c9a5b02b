import { ModelResult, type ConverseStreamOutput } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { recoverableStream } from "./recoverable-stream.js";

const answer: ConverseStreamOutput[] = [
  { messageStart: { role: "assistant" } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hello" } } },
  { contentBlockStop: { contentBlockIndex: 0 } },
  { messageStop: { stopReason: "end_turn" } },
];

function failingAfter(count: number, error: Error): ModelResult {
  return ModelResult.fromEvents(
    (async function* failing() {
      yield* answer.slice(0, count);
      throw error;
    })(),
  );
}

async function collect(result: ModelResult): Promise<ConverseStreamOutput[]> {
  const events: ConverseStreamOutput[] = [];
  for await (const event of result) events.push(event);
  return events;
}

describe("recoverableStream", () => {
  it("replaces a stream that failed before any content, without showing its first events twice", async () => {
    const attempts: number[] = [];
    const recovered = recoverableStream(failingAfter(1, new Error("throttled")), {
      beforeOutput: async (_error, attempt) => {
        attempts.push(attempt);
        return ModelResult.fromEvents(answer);
      },
    });
    expect(await collect(recovered)).toEqual(answer);
    expect(attempts).toEqual([1]);
  });

  it("lets the error out when no replacement is given, and maps failures after content", async () => {
    const failure = new Error("stop");
    await expect(collect(recoverableStream(failingAfter(0, failure), { beforeOutput: async () => undefined }))).rejects.toBe(failure);
    const mapped = recoverableStream(failingAfter(2, failure), {
      beforeOutput: async () => ModelResult.fromEvents(answer),
      afterOutput: (error, attempt) => new Error(`after output on attempt ${attempt}: ${(error as Error).message}`),
    });
    await expect(collect(mapped)).rejects.toThrow("after output on attempt 1: stop");
  });
});
