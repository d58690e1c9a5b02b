import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/index.js";
import type { Emulator } from "../../src/index.js";

const MODEL = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
const weatherTool = {
  name: "get_weather",
  description: "Current weather for a city",
  input_schema: { type: "object" as const, properties: { city: { type: "string" } }, required: ["city"] },
};

let emulator: Emulator;
let client: AnthropicBedrock;
beforeAll(async () => {
  emulator = await startEmulator();
  // skipAuth: the emulator needs no signature, so no AWS credentials are looked up.
  client = new AnthropicBedrock({ baseURL: emulator.url, skipAuth: true, awsRegion: "us-east-1", maxRetries: 0 });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

describe("@anthropic-ai/bedrock-sdk against the emulator", () => {
  it("completes a text turn through InvokeModel", async () => {
    emulator.enqueue({ text: "Hello from the emulator." });
    const message = await client.messages.create({ model: MODEL, max_tokens: 100, system: "Be brief.", messages: [{ role: "user", content: "Hello?" }] });
    expect(message.content).toEqual([{ type: "text", text: "Hello from the emulator." }]);
    expect(message.stop_reason).toBe("end_turn");
    expect(message.model).toBe("claude-3-5-haiku-20241022");
    expect(message.id).toMatch(/^msg_bdrk_01/);
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    const request = emulator.requests.at(-1);
    expect(request).toMatchObject({ operation: "InvokeModel", modelId: MODEL });
    // The SDK moved the model to the path, dropped `stream` and put its API version in the body.
    expect(request?.body).toMatchObject({ anthropic_version: expect.any(String), system: "Be brief." });
    expect(request?.body).not.toHaveProperty("model");
  });

  it("streams a turn through InvokeModelWithResponseStream", async () => {
    emulator.setStreaming({ chunkSize: 3 });
    emulator.enqueue({ text: "Streaming works fine." });
    const stream = client.messages.stream({ model: MODEL, max_tokens: 100, messages: [{ role: "user", content: "Stream please" }] });
    const pieces: string[] = [];
    stream.on("text", (text) => pieces.push(text));
    const message = await stream.finalMessage();
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe("Streaming works fine.");
    expect(message.content).toEqual([{ type: "text", text: "Streaming works fine." }]);
    expect(message.stop_reason).toBe("end_turn");
    expect(emulator.requests.at(-1)?.operation).toBe("InvokeModelWithResponseStream");
  });

  it("round-trips a tool call: tool_use out, tool_result back in, final answer", async () => {
    emulator.enqueue([{ toolCalls: [{ name: "get_weather", input: { city: "Paris" } }] }]);
    emulator.addRule({ match: { toolResult: { name: "get_weather", contains: "22" } }, reply: { text: "It is 22 °C in Paris." } });
    const question = { role: "user" as const, content: "Weather in Paris?" };
    const first = await client.messages.create({ model: MODEL, max_tokens: 200, tools: [weatherTool], messages: [question] });
    expect(first.stop_reason).toBe("tool_use");
    const toolUse = first.content.find((block) => block.type === "tool_use");
    expect(toolUse).toMatchObject({ type: "tool_use", name: "get_weather", input: { city: "Paris" } });
    if (toolUse?.type !== "tool_use") throw new Error("expected a tool_use block");

    const second = await client.messages.create({
      model: MODEL,
      max_tokens: 200,
      tools: [weatherTool],
      messages: [question, { role: "assistant", content: first.content }, { role: "user", content: [{ type: "tool_result", tool_use_id: toolUse.id, content: "22 °C, sunny" }] }],
    });
    expect(second.content).toEqual([{ type: "text", text: "It is 22 °C in Paris." }]);
    expect(second.stop_reason).toBe("end_turn");
  });

  it("streams a tool call as input_json_delta the SDK reassembles", async () => {
    emulator.setStreaming({ chunkSize: 5 });
    emulator.enqueue({ toolCalls: [{ name: "get_weather", input: { city: "Reykjavik" } }] });
    const message = await client.messages.stream({ model: MODEL, max_tokens: 100, tools: [weatherTool], messages: [{ role: "user", content: "Weather?" }] }).finalMessage();
    expect(message.content).toEqual([expect.objectContaining({ type: "tool_use", name: "get_weather", input: { city: "Reykjavik" } })]);
    expect(message.stop_reason).toBe("tool_use");
  });

  it("surfaces an injected ThrottlingException as the SDK's RateLimitError", async () => {
    emulator.injectFault({ operations: ["InvokeModel"], times: 1, effect: { type: "error", exception: "ThrottlingException" } });
    const error = await client.messages.create({ model: MODEL, max_tokens: 10, messages: [{ role: "user", content: "x" }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AnthropicBedrock.RateLimitError);
    expect((error as InstanceType<typeof AnthropicBedrock.RateLimitError>).status).toBe(429);
    expect(String((error as Error).message)).toContain("Too many requests");
  });

  it("surfaces a native body the service refuses as BadRequestError", async () => {
    // `metadata` is an Anthropic API field Bedrock's Claude schema does not allow.
    const error = await client.messages
      .create({ model: MODEL, max_tokens: 10, metadata: { user_id: "u-1" }, messages: [{ role: "user", content: "x" }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AnthropicBedrock.BadRequestError);
    expect(String((error as Error).message)).toContain("extraneous key [metadata] is not permitted");
  });

  it("surfaces a mid-stream ModelStreamErrorException as an APIError after the first events", async () => {
    emulator.setStreaming({ chunkSize: 2 });
    emulator.enqueue({ text: "This answer will break." });
    emulator.injectFault({ operations: ["InvokeModelWithResponseStream"], times: 1, effect: { type: "stream-error", exception: "ModelStreamErrorException", afterEvents: 3, message: "model crashed" } });
    const stream = client.messages.stream({ model: MODEL, max_tokens: 100, messages: [{ role: "user", content: "x" }] });
    const pieces: string[] = [];
    stream.on("text", (text) => pieces.push(text));
    const error = await stream.finalMessage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AnthropicBedrock.APIError);
    expect(String((error as Error).message)).toContain("modelStreamErrorException");
    expect(pieces.join("")).toBe("Th");
  });
});
