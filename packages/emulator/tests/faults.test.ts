import {
  ConverseCommand,
  ConverseStreamCommand,
  ModelStreamErrorException,
  ServiceQuotaExceededException,
  ThrottlingException,
} from "@aws-sdk/client-bedrock-runtime";
import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, transports, userText } from "./helpers/clients.js";

const modelId = "amazon.nova-micro-v1:0";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ streaming: { chunkSize: 4 } });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

async function converse(transport: "http1" | "http2" = "http1", maxAttempts = 1): Promise<unknown> {
  const client = bedrockClient(emulator, transport, maxAttempts);
  try {
    return await client.send(new ConverseCommand({ modelId, messages: [userText("hi")] }));
  } catch (error) {
    return error;
  } finally {
    client.destroy();
  }
}

async function streamEvents(transport: "http1" | "http2" = "http1"): Promise<{ events: ConverseStreamOutput[]; error?: unknown }> {
  const client = bedrockClient(emulator, transport);
  const events: ConverseStreamOutput[] = [];
  try {
    const response = await client.send(new ConverseStreamCommand({ modelId, messages: [userText("tell me more")] }));
    for await (const event of response.stream ?? []) events.push(event);
    return { events };
  } catch (error) {
    return { events, error };
  } finally {
    client.destroy();
  }
}

describe.each(transports)("faults seen by the AWS SDK over %s", (transport) => {
  it("surfaces an injected throttle as ThrottlingException with status 429", async () => {
    emulator.injectFault({ operations: ["Converse"], effect: { type: "error", exception: "ThrottlingException" } });
    const error = await converse(transport);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect((error as ThrottlingException).$metadata.httpStatusCode).toBe(429);
    expect((error as ThrottlingException).message).toBe("Too many requests, please wait before trying again.");
    expect(emulator.requests.at(-1)?.response).toEqual({ status: 429, exception: "ThrottlingException" });
  });

  it("throws ModelStreamErrorException from the stream after the given number of events", async () => {
    emulator.injectFault({ effect: { type: "stream-error", exception: "ModelStreamErrorException", afterEvents: 2, members: { originalStatusCode: 503 } } });
    const { events, error } = await streamEvents(transport);
    expect(events).toHaveLength(2);
    expect(error).toBeInstanceOf(ModelStreamErrorException);
    expect((error as ModelStreamErrorException).originalStatusCode).toBe(503);
  });

  it("drops the connection mid-stream", async () => {
    emulator.injectFault({ effect: { type: "disconnect", afterEvents: 2 } });
    const { events, error } = await streamEvents(transport);
    expect(events.length).toBeLessThanOrEqual(2);
    expect(error).toBeInstanceOf(Error);
  });
});

describe("fault schedules", () => {
  it("fails the first K calls, then recovers; the SDK's retries are visible in the request log", async () => {
    emulator.injectFault({ firstCalls: 2, effect: { type: "error", exception: "ServiceUnavailableException" } });
    const response = (await converse("http1", 3)) as { output?: unknown; $metadata: { attempts?: number } };
    expect(response.output).toBeDefined();
    expect(response.$metadata.attempts).toBe(3);
    expect(emulator.requests.map((request) => request.response?.status)).toEqual([503, 503, 200]);
  });

  it("fires on every Nth call in scope only", async () => {
    emulator.injectFault({ everyNth: 3, modelId, effect: { type: "error", exception: "ServiceQuotaExceededException" } });
    const outcomes: unknown[] = [];
    for (let call = 0; call < 6; call += 1) outcomes.push(await converse());
    const failed = outcomes.map((outcome) => outcome instanceof ServiceQuotaExceededException);
    expect(failed).toEqual([false, false, true, false, false, true]);
    expect((outcomes[2] as ServiceQuotaExceededException).$metadata.httpStatusCode).toBe(400);
  });

  it("draws seeded random faults reproducibly", async () => {
    const pattern = async (): Promise<boolean[]> => {
      emulator.reset();
      emulator.injectFault({ probability: 0.5, seed: 7, effect: { type: "error", exception: "InternalServerException" } });
      const results: boolean[] = [];
      for (let call = 0; call < 8; call += 1) results.push((await converse()) instanceof Error);
      return results;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    expect(first).toContain(true);
    expect(first).toContain(false);
  });

  it("adds latency", async () => {
    emulator.injectFault({ effect: { type: "latency", delayMs: 120 } });
    const started = performance.now();
    await converse();
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("carries extra members such as originalStatusCode on HTTP errors", async () => {
    emulator.injectFault({ effect: { type: "error", exception: "ModelErrorException", message: "upstream failed", members: { originalStatusCode: 502, resourceName: "model" } } });
    const error = (await converse()) as { name: string; originalStatusCode?: number; $metadata: { httpStatusCode?: number } };
    expect(error.name).toBe("ModelErrorException");
    expect(error.originalStatusCode).toBe(502);
    expect(error.$metadata.httpStatusCode).toBe(424);
  });

  it("refuses a fault naming an unknown exception", () => {
    expect(() => emulator.injectFault({ effect: { type: "error", exception: "TeapotException" } })).toThrow(/known exception/);
  });
});
