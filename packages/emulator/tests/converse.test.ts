import { ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, postJson, transports, userText } from "./helpers/clients.js";
import { decodeFrames, describeFrame } from "./helpers/decode-frames.js";

const modelId = "anthropic.claude-3-5-haiku-20241022-v1:0";
const weatherTool = {
  toolSpec: { name: "get_weather", description: "Weather by city", inputSchema: { json: { type: "object", properties: { city: { type: "string" } } } } },
};

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

describe.each(transports)("Converse through the AWS SDK over %s", (transport) => {
  it("answers with the echo model, usage and the request id header", async () => {
    const client = bedrockClient(emulator, transport);
    const response = await client.send(new ConverseCommand({ modelId, messages: [userText("hello emulator")] }));
    expect(response.output?.message).toEqual({ role: "assistant", content: [{ text: "You said: hello emulator" }] });
    expect(response.stopReason).toBe("end_turn");
    // Claude 3.5 Haiku caches prompts: its usage always carries the cache counts, zero when unused (as recorded).
    expect(response.usage).toEqual({ inputTokens: 4, outputTokens: 6, totalTokens: 10, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 });
    expect(response.metrics?.latencyMs).toBeGreaterThanOrEqual(1);
    expect(response.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.requests.at(-1)?.requestId).toBe(response.$metadata.requestId);
    expect(emulator.requests.at(-1)?.httpVersion).toBe(transport === "http2" ? "2.0" : "1.1");
    client.destroy();
  });

  it("streams text, reasoning and a tool call in the service's event order", async () => {
    emulator.enqueue({
      reasoning: { text: "Think first", signature: "c2lnbmF0dXJl" },
      text: "Checking.",
      toolCalls: [{ name: "get_weather", input: { city: "Paris" }, toolUseId: "tooluse_fixed" }],
    });
    const client = bedrockClient(emulator, transport);
    const response = await client.send(
      new ConverseStreamCommand({ modelId, messages: [userText("weather?")], toolConfig: { tools: [weatherTool] } }),
    );
    const events: ConverseStreamOutput[] = [];
    for await (const event of response.stream ?? []) events.push(event);
    const kinds = events.map((event) => Object.keys(event).find((key) => key !== "$unknown"));
    expect(kinds).toEqual([
      "messageStart",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockStop",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockStop",
      "contentBlockStart",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockStop",
      "messageStop",
      "metadata",
    ]);
    expect(events[1]?.contentBlockDelta?.delta).toEqual({ reasoningContent: { text: "Think fi" } });
    expect(events[2]?.contentBlockDelta?.delta).toEqual({ reasoningContent: { text: "rst" } });
    expect(events[3]?.contentBlockDelta?.delta).toEqual({ reasoningContent: { signature: "c2lnbmF0dXJl" } });
    expect(events[5]?.contentBlockDelta).toEqual({ contentBlockIndex: 1, delta: { text: "Checking" } });
    expect(events[8]?.contentBlockStart).toEqual({ contentBlockIndex: 2, start: { toolUse: { name: "get_weather", toolUseId: "tooluse_fixed" } } });
    expect(events[9]?.contentBlockDelta?.delta).toEqual({ toolUse: { input: "" } });
    const input = events.slice(10, 12).map((event) => event.contentBlockDelta?.delta?.toolUse?.input).join("");
    expect(JSON.parse(input)).toEqual({ city: "Paris" });
    expect(events.at(-2)?.messageStop?.stopReason).toBe("tool_use");
    expect(events.at(-1)?.metadata?.usage?.totalTokens).toBeGreaterThan(0);
    client.destroy();
  });
});

describe("Converse wire format", () => {
  it("serializes the response with alphabetical keys, compact, with Date and x-amzn-RequestId", async () => {
    emulator.enqueue({ toolCalls: [{ name: "get_weather", input: { zeta: 1, alpha: 2 }, toolUseId: "tooluse_a" }] });
    const response = await postJson(emulator, `/model/${encodeURIComponent(modelId)}/converse`, {
      messages: [userText("hi")],
      toolConfig: { tools: [weatherTool] },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(response.headers.get("date") ?? "")).not.toBeNaN();
    expect(response.headers.get("content-type")).toBe("application/json");
    // Service-built objects sorted; the tool input document keeps its own order.
    expect(response.text).toMatch(
      /^\{"metrics":\{"latencyMs":\d+\},"output":\{"message":\{"content":\[\{"toolUse":\{"input":\{"zeta":1,"alpha":2\},"name":"get_weather","toolUseId":"tooluse_a"\}\}\],"role":"assistant"\}\},"stopReason":"tool_use","usage":\{"cacheReadInputTokenCount":0,"cacheReadInputTokens":0,"cacheWriteInputTokenCount":0,"cacheWriteInputTokens":0,"inputTokens":\d+,"outputTokens":\d+,"totalTokens":\d+\}\}$/,
    );
  });

  it("frames stream events with the recorded header order and p padding, and no start event for text", async () => {
    const response = await postJson(emulator, `/model/${encodeURIComponent(modelId)}/converse-stream`, { messages: [userText("hi")] });
    expect(response.headers.get("content-type")).toBe("application/vnd.amazon.eventstream");
    const frames = decodeFrames(response.bytes).map(describeFrame);
    for (const frame of frames) {
      expect(frame.headerNames).toEqual([":event-type", ":content-type", ":message-type"]);
      expect(frame.headers[":message-type"]).toBe("event");
      expect(frame.payload["p"]).toMatch(/^ab[a-zA-Z0-9]*$/);
      const keys = Object.keys(frame.payload);
      expect(keys).toEqual([...keys].sort());
    }
    const types = frames.map((frame) => frame.headers[":event-type"]);
    expect(types[0]).toBe("messageStart");
    expect(types).not.toContain("contentBlockStart");
    expect(types.at(-1)).toBe("metadata");
  });

  it("echoes performanceConfig and answers requested additional response field paths", async () => {
    const client = bedrockClient(emulator);
    const response = await client.send(
      new ConverseCommand({
        modelId,
        messages: [userText("one two three")],
        performanceConfig: { latency: "optimized" },
        additionalModelResponseFieldPaths: ["/stop_sequence"],
        inferenceConfig: { stopSequences: ["two"] },
      }),
    );
    expect(response.performanceConfig).toEqual({ latency: "optimized" });
    expect(response.stopReason).toBe("stop_sequence");
    expect(response.output?.message?.content).toEqual([{ text: "You said: one " }]);
    expect(response.additionalModelResponseFields).toEqual({ stop_sequence: "two" });
    client.destroy();
  });

  it("cuts the answer at maxTokens with stopReason max_tokens", async () => {
    emulator.enqueue({ text: "a".repeat(100) });
    const client = bedrockClient(emulator);
    const response = await client.send(new ConverseCommand({ modelId, messages: [userText("long")], inferenceConfig: { maxTokens: 5 } }));
    expect(response.stopReason).toBe("max_tokens");
    expect(response.output?.message?.content?.[0]?.text).toHaveLength(20);
    client.destroy();
  });
});
