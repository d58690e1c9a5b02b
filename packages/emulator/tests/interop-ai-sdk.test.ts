import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { APICallError, generateText, jsonSchema, stepCountIs, streamText, tool } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { testCredentials } from "./helpers/clients.js";

const modelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ streaming: { chunkSize: 5 } });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

function bedrock() {
  return createAmazonBedrock({ baseURL: emulator.url, region: "us-east-1", ...testCredentials });
}

const weather = tool({
  description: "Current weather for a city",
  inputSchema: jsonSchema<{ city: string }>({ type: "object", properties: { city: { type: "string" } }, required: ["city"] }),
  execute: async ({ city }) => ({ city, sky: "sunny" }),
});

describe("Vercel AI SDK (@ai-sdk/amazon-bedrock) against the emulator", () => {
  it("completes a text turn with usage and the request id as response id", async () => {
    const result = await generateText({ model: bedrock()(modelId), prompt: "hello from the AI SDK", maxRetries: 0 });
    expect(result.text).toBe("You said: hello from the AI SDK");
    expect(result.finishReason).toBe("stop");
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.response.id).toBe(emulator.requests.at(-1)?.requestId);
    expect(emulator.requests.at(-1)?.operation).toBe("Converse");
  });

  it("streams a turn", async () => {
    emulator.enqueue({ text: "streamed answer in pieces" });
    const result = streamText({ model: bedrock()(modelId), prompt: "stream please", maxRetries: 0 });
    const parts: string[] = [];
    for await (const part of result.textStream) parts.push(part);
    expect(parts.join("")).toBe("streamed answer in pieces");
    expect(parts.length).toBeGreaterThan(1);
    expect(await result.finishReason).toBe("stop");
    expect(emulator.requests.at(-1)?.operation).toBe("ConverseStream");
  });

  it("runs a tool-use round trip", async () => {
    emulator.enqueue({ toolCalls: [{ name: "weather", input: { city: "Lyon" } }] });
    emulator.addRule({ match: { toolResult: { name: "weather", contains: "sunny" } }, reply: { text: "Lyon is sunny." } });
    const result = await generateText({ model: bedrock()(modelId), prompt: "Weather in Lyon?", tools: { weather }, stopWhen: stepCountIs(3), maxRetries: 0 });
    expect(result.text).toBe("Lyon is sunny.");
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]?.toolResults[0]?.output).toEqual({ city: "Lyon", sky: "sunny" });
    const second = emulator.requests.at(-1)?.body as { messages: Array<{ content: Array<Record<string, unknown>> }> };
    expect(second.messages.at(-1)?.content[0]).toHaveProperty("toolResult");
  });

  it("runs a streamed tool-use round trip", async () => {
    emulator.enqueue([{ toolCalls: [{ name: "weather", input: { city: "Nice" } }] }, { text: "Nice is sunny." }]);
    const result = streamText({ model: bedrock()(modelId), prompt: "Weather in Nice?", tools: { weather }, stopWhen: stepCountIs(3), maxRetries: 0 });
    expect(await result.text).toBe("Nice is sunny.");
    const steps = await result.steps;
    expect(steps[0]?.toolCalls[0]?.input).toEqual({ city: "Nice" });
  });

  it("receives an injected throttle as a retryable APICallError with status 429", async () => {
    emulator.injectFault({ effect: { type: "error", exception: "ThrottlingException" } });
    const error = await generateText({ model: bedrock()(modelId), prompt: "hi", maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(429);
    expect((error as APICallError).isRetryable).toBe(true);
    expect((error as APICallError).message).toContain("Too many requests");
  });

  it("retries a throttle when allowed (visible in the request log)", async () => {
    emulator.injectFault({ firstCalls: 1, effect: { type: "error", exception: "ThrottlingException" } });
    // The AI SDK waits 2 s before its first retry.
    const result = await generateText({ model: bedrock()(modelId), prompt: "retry me", maxRetries: 1 });
    expect(result.text).toBe("You said: retry me");
    expect(emulator.requests.map((request) => request.response?.status)).toEqual([429, 200]);
  }, 10_000);

  it("reports an in-stream modelStreamErrorException as a stream error", async () => {
    emulator.injectFault({ effect: { type: "stream-error", exception: "ModelStreamErrorException", afterEvents: 2, message: "model crashed" } });
    const result = streamText({ model: bedrock()(modelId), prompt: "tell me a long story", maxRetries: 0, onError: () => undefined });
    const errors: unknown[] = [];
    const text: string[] = [];
    for await (const part of result.fullStream) {
      if (part.type === "error") errors.push(part.error);
      if (part.type === "text-delta") text.push(part.text);
    }
    expect(text.join("")).toBe("You s");
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toContain("model crashed");
  });
});
