import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { AbortError, Agent, BedrockError, ConfigurationError, type ModelRequest, createBedrockClient } from "@sluice/core";
import { type Emulator, startEmulator } from "@sluice/emulator";
import { UnsupportedFeatureError, invokeModel } from "../src/index.js";
import { type AssembledStream, collectStream } from "./assemble-stream.js";

const IMPORTED_ARN = "arn:aws:bedrock:us-east-1:123456789012:imported-model/k2a8x1c4z9q0";
const PROFILE_ARN = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/1arbu5hu2sjr";
let emulator: Emulator;
let client: ReturnType<typeof createBedrockClient>;

beforeAll(async () => {
  emulator = await startEmulator({
    streaming: { chunkSize: 4 },
    models: { [IMPORTED_ARN]: "meta-llama" },
    inferenceProfiles: [{ name: "dd-frmlo206", id: "1arbu5hu2sjr", model: "global.anthropic.claude-haiku-4-5-20251001-v1:0" }],
  });
  client = createBedrockClient({ endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" }, maxAttempts: 1 });
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});
beforeEach(() => emulator.reset());

const ask = (modelId: string, text: string, rest: Partial<ModelRequest> = {}): ModelRequest => ({
  modelId,
  messages: [{ role: "user", content: [{ text }] }],
  ...rest,
});

async function streamed(request: ModelRequest): Promise<AssembledStream> {
  return collectStream(await invokeModel({ client }).converseStream(request));
}

describe("reasoning over InvokeModel", () => {
  const claude = "us.anthropic.claude-sonnet-4-20250514-v1:0";
  const thinking = { thinking: { type: "enabled", budget_tokens: 1024 } };

  it("Claude: thinking text and signature come back, and round-trip into the next request", async () => {
    emulator.enqueue([{ reasoning: { text: "The user greets me.", signature: "c2lnbmF0dXJl" }, text: "Hello!" }, { text: "Again." }]);
    const agent = new Agent({ modelId: claude, model: invokeModel({ client }), additionalModelRequestFields: thinking });
    const first = await agent.send("Hi");
    expect(first.message?.content?.[0]).toEqual({ reasoningContent: { reasoningText: { text: "The user greets me.", signature: "c2lnbmF0dXJl" } } });
    await agent.send("Hi again");
    const second = emulator.requests[1]?.body as { messages: Array<{ content: Array<Record<string, unknown>> }> };
    expect(second.messages[1]?.content[0]).toEqual({ type: "thinking", thinking: "The user greets me.", signature: "c2lnbmF0dXJl" });
  });

  it("Claude: streamed thinking arrives as reasoning deltas with the signature last", async () => {
    emulator.enqueue({ reasoning: { text: "Count the letters.", signature: "c2ln" }, text: "Five." });
    const { events, response } = await streamed(ask(claude, "Letters in apple?", { additionalModelRequestFields: thinking }));
    const reasoningDeltas = events.flatMap((event) => (event.contentBlockDelta?.delta?.reasoningContent ? [event.contentBlockDelta.delta.reasoningContent] : []));
    expect(reasoningDeltas.map((delta) => delta.text ?? "").join("")).toBe("Count the letters.");
    expect(reasoningDeltas.at(-1)).toEqual({ signature: "c2ln" });
    expect(response.output?.message?.content).toEqual([
      { reasoningContent: { reasoningText: { text: "Count the letters.", signature: "c2ln" } } },
      { text: "Five." },
    ]);
  });

  it("Claude: redacted thinking comes back as redacted content bytes", async () => {
    emulator.enqueue({ reasoning: { redactedContent: "cmVkYWN0ZWQ=" }, text: "Done." });
    const response = await invokeModel({ client }).converse(ask(claude, "Hi", { additionalModelRequestFields: thinking }));
    const redacted = response.output?.message?.content?.[0]?.reasoningContent?.redactedContent;
    expect(Buffer.from(redacted ?? new Uint8Array()).toString("utf8")).toBe("redacted");
  });

  for (const [modelId, fields] of [
    ["us.deepseek.r1-v1:0", {}],
    ["openai.gpt-oss-120b-1:0", { reasoning_effort: "low" }],
    ["us.amazon.nova-2-lite-v1:0", { inferenceConfig: { reasoningConfig: { type: "enabled", maxReasoningEffort: "low" } } }],
    ["qwen.qwen3-32b-v1:0", { reasoning_config: "high" }],
    ["us.deepseek.v3-v1:0", {}],
    ["minimax.minimax-m2", {}],
    ["moonshot.kimi-k2-thinking", {}],
  ] as const) {
    it(`${modelId}: reasoning becomes a reasoning block, streamed and not`, async () => {
      emulator.enqueue([{ reasoning: { text: "Two plus two." }, text: "4" }, { reasoning: { text: "Two plus two." }, text: "4" }]);
      const request = ask(modelId, "2+2?", { additionalModelRequestFields: fields });
      const whole = await invokeModel({ client }).converse(request);
      const { response: assembled } = await streamed(request);
      for (const response of [whole, assembled]) {
        const content = response.output?.message?.content ?? [];
        expect(content[0]?.reasoningContent?.reasoningText?.text?.trim()).toBe("Two plus two.");
        expect(content.at(-1)?.text).toBe("4");
      }
    });
  }
});

describe("native structured output, strict tools and cache usage over InvokeModel", () => {
  const schema = JSON.stringify({ type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false });
  const outputConfig = { textFormat: { type: "json_schema" as const, structure: { jsonSchema: { name: "City", schema } } } };
  const strictTool = { toolSpec: { name: "lookup", inputSchema: { json: { type: "object", properties: {}, additionalProperties: false } }, strict: true } };

  it("Claude 4.5+: outputConfig becomes output_config.format, strict tools keep strict, and the answer is the JSON", async () => {
    const response = await invokeModel({ client }).converse(ask("us.anthropic.claude-sonnet-4-6", "Where?", { outputConfig, toolConfig: { tools: [strictTool] } }));
    expect(JSON.parse(response.output?.message?.content?.[0]?.text ?? "")).toEqual({ city: "text" });
    const body = emulator.requests[0]?.body as { output_config: unknown; tools: Array<Record<string, unknown>> };
    expect(body.output_config).toEqual({ format: { type: "json_schema", schema: JSON.parse(schema) } });
    expect(body.tools[0]?.strict).toBe(true);
  });

  it("the service's refusal of an unsupported schema keyword reaches the caller", async () => {
    const bad = { textFormat: { type: "json_schema" as const, structure: { jsonSchema: { schema: JSON.stringify({ type: "object", properties: { n: { type: "integer", multipleOf: 5 } } }) } } } };
    await expect(invokeModel({ client }).converse(ask("us.anthropic.claude-sonnet-4-6", "Count", { outputConfig: bad }))).rejects.toThrow(
      "The model returned the following errors: output_config.format.schema: For 'integer' type, property 'multipleOf' is not supported",
    );
  });

  it("open-weight chat families: outputConfig becomes response_format, streamed and not", async () => {
    const request = ask("qwen.qwen3-32b-v1:0", "Where?", { outputConfig });
    const whole = await invokeModel({ client }).converse(request);
    const { response: assembled } = await streamed(request);
    for (const response of [whole, assembled]) expect(JSON.parse(response.output?.message?.content?.at(-1)?.text ?? "")).toEqual({ city: "text" });
    expect((emulator.requests[0]?.body as { response_format: unknown }).response_format).toEqual({ type: "json_schema", json_schema: { name: "City", schema: JSON.parse(schema) } });
  });

  it("families without native structured output refuse it before the call", async () => {
    await expect(invokeModel({ client }).converse(ask("amazon.nova-lite-v1:0", "Where?", { outputConfig }))).rejects.toBeInstanceOf(UnsupportedFeatureError);
    await expect(invokeModel({ client }).converse(ask("anthropic.claude-3-5-haiku-20241022-v1:0", "Where?", { outputConfig }))).rejects.toThrow(/structured output \(Claude 4\.5 and later/);
    expect(emulator.requests).toHaveLength(0);
  });

  it("Claude's cache writes come back per TTL as cacheDetails", async () => {
    emulator.enqueue({ text: "Cached.", usage: { inputTokens: 3, outputTokens: 2, cacheReadInputTokens: 0, cacheWriteInputTokens: 1500, cacheDetails: [{ ttl: "1h", inputTokens: 1000 }, { ttl: "5m", inputTokens: 500 }] } });
    const response = await invokeModel({ client }).converse(ask("us.anthropic.claude-haiku-4-5-20251001-v1:0", "Hi"));
    expect(response.usage).toMatchObject({ cacheWriteInputTokens: 1500, cacheDetails: [{ ttl: "1h", inputTokens: 1000 }, { ttl: "5m", inputTokens: 500 }] });
  });
});

describe("model IDs and families", () => {
  it("runs an imported-model ARN with an explicit family", async () => {
    emulator.enqueue({ text: "Imported hello." });
    const response = await invokeModel({ client, family: "meta-llama" }).converse(ask(IMPORTED_ARN, "Hi"));
    expect(response.output?.message?.content).toEqual([{ text: "Imported hello." }]);
    expect(String((emulator.requests[0]?.body as { prompt: string }).prompt)).toContain("<|start_header_id|>user<|end_header_id|>");
  });

  it("refuses the ARN without a family before any call, naming the option", async () => {
    await expect(invokeModel({ client }).converse(ask(IMPORTED_ARN, "Hi"))).rejects.toThrow(/imported-model ARN.*family option/);
    await expect(invokeModel({ client }).converse(ask(IMPORTED_ARN, "Hi"))).rejects.toSatisfy(ConfigurationError.isInstance);
    expect(() => invokeModel({ client, family: "llama" })).toThrow(/Unknown model family "llama".*"meta-llama"/);
    expect(emulator.requests).toHaveLength(0);
  });

  it("resolves an application inference profile ARN to its model's family with GetInferenceProfile, once", async () => {
    emulator.enqueue([{ text: "Through the profile." }, { text: "Again." }]);
    const model = invokeModel({ client });
    const response = await model.converse(ask(PROFILE_ARN, "Hi"));
    expect(response.output?.message?.content).toEqual([{ text: "Through the profile." }]);
    await collectStream(await model.converseStream(ask(PROFILE_ARN, "Hi")));
    expect(emulator.requests.map((request) => request.operation ?? request.rawPath.split("/")[1])).toEqual(["inference-profiles", "InvokeModel", "InvokeModelWithResponseStream"]);
    expect(emulator.requests[1]?.body).toMatchObject({ anthropic_version: "bedrock-2023-05-31" });
  });

  it("reports an unknown application profile as the service's error", async () => {
    const missing = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/nothere";
    const error = await invokeModel({ client }).converse(ask(missing, "Hi")).catch((caught: unknown) => caught);
    expect(BedrockError.isInstance(error) && error.errorName).toBe("ResourceNotFoundException");
  });

  it("resolves cross-region profiles and inference-profile ARNs", async () => {
    emulator.enqueue([{ text: "One." }, { text: "Two." }]);
    await invokeModel({ client }).converse(ask("eu.anthropic.claude-3-7-sonnet-20250219-v1:0", "Hi"));
    await invokeModel({ client }).converse(ask("arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-sonnet-4-20250514-v1:0", "Hi"));
    expect(emulator.requests.map((request) => (request.body as { anthropic_version?: string }).anthropic_version)).toEqual([
      "bedrock-2023-05-31",
      "bedrock-2023-05-31",
    ]);
  });
});

describe("features a family lacks fail before the call", () => {
  const tool = { toolSpec: { name: "now", inputSchema: { json: { type: "object", properties: {} } } } };
  const image = { image: { format: "png" as const, source: { bytes: new Uint8Array([137, 80, 78, 71]) } } };

  for (const [modelId, request, family, feature] of [
    ["amazon.titan-text-express-v1", { toolConfig: { tools: [tool] } }, "amazon-titan-text", "tools"],
    ["amazon.titan-text-express-v1", { system: [{ text: "Be brief." }] }, "amazon-titan-text", "system prompt"],
    ["meta.llama3-8b-instruct-v1:0", { messages: [{ role: "user" as const, content: [image, { text: "What is this?" }] }] }, "meta-llama", "images"],
    ["mistral.mistral-7b-instruct-v0:2", { toolConfig: { tools: [tool] } }, "mistral", "tools"],
    ["us.deepseek.r1-v1:0", { inferenceConfig: {}, toolConfig: { tools: [tool] } }, "deepseek", "tools"],
    ["cohere.command-r-v1:0", { toolConfig: { tools: [tool], toolChoice: { any: {} } } }, "cohere-command-r", 'tool choice "any"'],
  ] as const) {
    it(`${family}: ${feature}`, async () => {
      const error = await invokeModel({ client })
        .converse({ ...ask(modelId, "Hi"), ...request } as unknown as ModelRequest)
        .catch((caught: unknown) => caught);
      expect(UnsupportedFeatureError.isInstance(error)).toBe(true);
      expect((error as UnsupportedFeatureError).family).toBe(family);
      expect((error as UnsupportedFeatureError).feature).toContain(feature);
      expect((error as Error).message).toContain(family);
      expect(emulator.requests).toHaveLength(0);
    });
  }

  it("refuses streaming for a family without it, and Llama 4 streaming", async () => {
    await expect(invokeModel({ client }).converseStream(ask("ai21.j2-mid-v1", "Hi"))).rejects.toThrow(/does not support streaming/);
    await expect(invokeModel({ client }).converseStream(ask("us.meta.llama4-scout-17b-instruct-v1:0", "Hi"))).rejects.toThrow(/not Llama 4/);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe("errors, usage and cancellation", () => {
  it("reports usage from InvokeModel's token headers", async () => {
    emulator.enqueue({ text: "Counted.", usage: { inputTokens: 11, outputTokens: 7 } });
    const response = await invokeModel({ client }).converse(ask("meta.llama3-1-8b-instruct-v1:0", "Count"));
    expect(response.usage).toMatchObject({ inputTokens: 11, outputTokens: 7, totalTokens: 18 });
  });

  it("reports usage from the last chunk's invocation metrics on streams", async () => {
    emulator.enqueue({ text: "Counted in a stream.", usage: { inputTokens: 13, outputTokens: 5 } });
    const { events } = await streamed(ask("amazon.titan-text-express-v1", "Count"));
    expect(events.at(-1)?.metadata?.usage).toMatchObject({ inputTokens: 13, outputTokens: 5, totalTokens: 18 });
  });

  it("turns an HTTP error into a BedrockError by exception name", async () => {
    emulator.injectFault({ effect: { type: "error", exception: "ThrottlingException" } });
    const error = await invokeModel({ client }).converse(ask("amazon.nova-lite-v1:0", "Hi")).catch((caught: unknown) => caught);
    expect(BedrockError.isInstance(error)).toBe(true);
    expect((error as BedrockError).errorName).toBe("ThrottlingException");
    expect((error as BedrockError).isRetryable).toBe(true);
  });

  it("throws an in-stream exception from the iterator after the events before it", async () => {
    emulator.enqueue({ text: "This answer will be cut off by an error." });
    emulator.injectFault({ effect: { type: "stream-error", exception: "ModelStreamErrorException", afterEvents: 3 } });
    const seen: ConverseStreamOutput[] = [];
    const error = await (async () => {
      for await (const event of await invokeModel({ client }).converseStream(ask("anthropic.claude-3-5-haiku-20241022-v1:0", "Hi"))) seen.push(event);
    })().catch((caught: unknown) => caught);
    expect(BedrockError.isInstance(error)).toBe(true);
    expect((error as BedrockError).errorName).toBe("ModelStreamErrorException");
    expect((error as BedrockError).inStream).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
  });

  it("aborts the HTTP request with the call's signal", async () => {
    emulator.enqueue({ text: "Slow." });
    emulator.injectFault({ effect: { type: "latency", delayMs: 2000 } });
    const controller = new AbortController();
    const pending = invokeModel({ client }).converse(ask("amazon.nova-lite-v1:0", "Hi"), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toSatisfy(AbortError.isInstance);
  });
});
