import { AbortError, Agent, BedrockError } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { StreamInterruptedError, retryMiddleware, type RetryEvent } from "../src/index.js";
import { modelId, useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

function agentWithRetry(events: RetryEvent[], options: Parameters<typeof retryMiddleware>[0] = {}) {
  return new Agent({
    modelId,
    client: local.client(),
    middleware: [retryMiddleware({ baseDelayMs: 1, onRetry: (event) => events.push(event), ...options })],
  });
}

async function streamedText(agent: Agent, input: string): Promise<{ text: string; deltas: string[] }> {
  const stream = agent.stream(input);
  const deltas: string[] = [];
  for await (const event of stream) if (event.type === "text-delta") deltas.push(event.text);
  return { text: (await stream.result).text, deltas };
}

describe("retryMiddleware over HTTP", () => {
  it("retries HTTP 429 ThrottlingException and succeeds", async () => {
    local.emulator.injectFault({ firstCalls: 2, effect: { type: "error", exception: "ThrottlingException" } });
    const events: RetryEvent[] = [];
    const result = await agentWithRetry(events).send("persist");
    expect(result.text).toBe("You said: persist");
    expect(local.emulator.requests.map((request) => request.response?.status)).toEqual([429, 429, 200]);
    expect(events.map((event) => [event.attempt, event.errorName, event.inStream])).toEqual([
      [1, "ThrottlingException", false],
      [2, "ThrottlingException", false],
    ]);
  });

  it("retries a throttling frame that arrives inside the stream before any text, showing the text once", async () => {
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "stream-error", exception: "ThrottlingException", afterEvents: 1 } });
    const events: RetryEvent[] = [];
    const { text, deltas } = await streamedText(agentWithRetry(events), "stream me please");
    expect(text).toBe("You said: stream me please");
    expect(deltas.join("")).toBe("You said: stream me please");
    expect(local.emulator.requests.map((request) => request.operation)).toEqual(["ConverseStream", "ConverseStream"]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ errorName: "ThrottlingException", inStream: true, attempt: 1 });
  });

  it("retries 503 and 500 alike, but never a ValidationException", async () => {
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ServiceUnavailableException" } });
    local.emulator.injectFault({ firstCalls: 2, effect: { type: "error", exception: "InternalServerException" } });
    const events: RetryEvent[] = [];
    const agent = agentWithRetry(events);
    expect((await agent.send("flaky")).text).toBe("You said: flaky");
    expect(events.map((event) => event.errorName)).toEqual(["ServiceUnavailableException", "InternalServerException"]);

    local.emulator.clearFaults();
    local.emulator.clearRequests();
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ValidationException", message: "Bad request." } });
    const error = await agent.send("invalid").catch((caught: unknown) => caught);
    expect(BedrockError.isInstance(error) && error.errorName).toBe("ValidationException");
    expect(local.emulator.requests).toHaveLength(1);
    expect(events).toHaveLength(2);
  });

  it("does not retry an access error either", async () => {
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "AccessDeniedException" } });
    const events: RetryEvent[] = [];
    const error = await agentWithRetry(events).send("no access").catch((caught: unknown) => caught);
    expect(BedrockError.isInstance(error) && error.errorName).toBe("AccessDeniedException");
    expect(local.emulator.requests).toHaveLength(1);
    expect(events).toHaveLength(0);
  });

  it("retries a dropped connection, before the response and inside a stream before any text", async () => {
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "disconnect" } });
    const events: RetryEvent[] = [];
    const agent = agentWithRetry(events);
    expect((await agent.send("reconnect")).text).toBe("You said: reconnect");
    local.emulator.clearFaults();
    local.emulator.injectFault({ firstCalls: 1, operations: ["ConverseStream"], effect: { type: "disconnect", afterEvents: 1 } });
    expect((await streamedText(agent, "reconnect the stream")).text).toBe("You said: reconnect the stream");
    expect(events).toHaveLength(2);
    expect(events.every((event) => (event.error as { code?: string }).code === "ECONNRESET")).toBe(true);
  });

  it("gives up after maxAttempts with the last error", async () => {
    local.emulator.injectFault({ effect: { type: "error", exception: "ThrottlingException" } });
    const events: RetryEvent[] = [];
    const error = await agentWithRetry(events, { maxAttempts: 3 }).send("never").catch((caught: unknown) => caught);
    expect(BedrockError.isInstance(error) && error.errorName).toBe("ThrottlingException");
    expect(local.emulator.requests).toHaveLength(3);
    expect(events.map((event) => event.attempt)).toEqual([1, 2]);
  });

  it("surfaces a failure after text was streamed as StreamInterruptedError and keeps the conversation valid", async () => {
    const events: RetryEvent[] = [];
    const agent = agentWithRetry(events);
    await agent.send("first turn");
    local.emulator.injectFault({ firstCalls: 1, effect: { type: "stream-error", exception: "ThrottlingException", afterEvents: 3 } });
    const stream = agent.stream("this one breaks midway");
    const deltas: string[] = [];
    const reading = (async () => {
      for await (const event of stream) if (event.type === "text-delta") deltas.push(event.text);
    })();
    const error = await stream.result.catch((caught: unknown) => caught);
    await reading.catch(() => undefined);
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    expect((error as StreamInterruptedError).errorName).toBe("ThrottlingException");
    expect(BedrockError.isInstance((error as Error).cause)).toBe(true);
    expect(deltas.length).toBeGreaterThan(0);
    expect(events).toHaveLength(0);
    expect(agent.conversation.length).toBe(2);
    expect((await agent.send("next turn")).text).toBe("You said: next turn");
    expect(local.emulator.requests.at(-1)?.response?.status).toBe(200);
  });

  it("stops waiting as soon as the run is aborted", async () => {
    local.emulator.injectFault({ effect: { type: "error", exception: "ThrottlingException" } });
    const agent = agentWithRetry([], { baseDelayMs: 10_000, jitter: "none" });
    const controller = new AbortController();
    const started = Date.now();
    const pending = agent.send("abort me", { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((caught: unknown) => caught);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(local.emulator.requests).toHaveLength(1);
  });
});
