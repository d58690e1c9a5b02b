import { Agent } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { TimeoutError, retryMiddleware, timeoutMiddleware } from "../src/index.js";
import { modelId, useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<boolean> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

describe("timeoutMiddleware over HTTP", () => {
  it("fails a slow non-streaming call at its deadline and aborts the HTTP request", async () => {
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "latency", delayMs: 3_000 } });
    const agent = new Agent({ modelId, client: local.client(), middleware: [timeoutMiddleware({ deadlineMs: 150 })] });
    const started = Date.now();
    const error = await agent.send("slow").catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).kind).toBe("deadline");
    expect(Date.now() - started).toBeLessThan(1_500);
    // The aborted request's keep-alive connection is destroyed rather than returned to the pool.
    expect(await until(() => local.emulator.connectionCount === 0)).toBe(true);
    expect(agent.conversation.length).toBe(0);
  });

  it("fails a stalled stream at the idle timeout, after the text already delivered", async () => {
    local.emulator.setStreaming({ chunkSize: 4, chunkDelayMs: 400 });
    const agent = new Agent({ modelId, client: local.client(), middleware: [timeoutMiddleware({ idleTimeoutMs: 150 })] });
    const stream = agent.stream("a stream that stalls");
    const deltas: string[] = [];
    const reading = (async () => {
      for await (const event of stream) if (event.type === "text-delta") deltas.push(event.text);
    })();
    const error = await stream.result.catch((caught: unknown) => caught);
    await reading.catch(() => undefined);
    expect(TimeoutError.isInstance(error) && error.kind).toBe("idle");
    expect(await until(() => local.emulator.connectionCount === 0)).toBe(true);
  });

  it("lets a stream that keeps flowing run past the idle timeout", async () => {
    local.emulator.setStreaming({ chunkSize: 2, chunkDelayMs: 30 });
    const agent = new Agent({ modelId, client: local.client(), middleware: [timeoutMiddleware({ idleTimeoutMs: 200, deadlineMs: 10_000 })] });
    const stream = agent.stream("steady stream of words");
    for await (const _event of stream) {
      // read everything
    }
    expect((await stream.result).text).toBe("You said: steady stream of words");
  });

  it("is retried by an outer retry middleware when the stream stalls before any text", async () => {
    local.emulator.injectFault({ firstCalls: 1, operations: ["ConverseStream"], effect: { type: "latency", delayMs: 2_000 } });
    const retried: string[] = [];
    const agent = new Agent({
      modelId,
      client: local.client(),
      middleware: [
        retryMiddleware({ baseDelayMs: 1, onRetry: (event) => retried.push((event.error as Error).name) }),
        timeoutMiddleware({ idleTimeoutMs: 150 }),
      ],
    });
    const stream = agent.stream("second time lucky");
    for await (const _event of stream) {
      // read everything
    }
    expect((await stream.result).text).toBe("You said: second time lucky");
    expect(retried).toEqual(["TimeoutError"]);
    expect(local.emulator.requests).toHaveLength(2);
  });
});
