import { describe, expect, it } from "vitest";
import { errorMessage, testContext, testTurn } from "../../tests/families/family-test-support.js";
import { anthropicClaudeFamily as claude } from "./anthropic-claude.js";
import { anthropicModelName } from "./anthropic-claude-response.js";

const MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
const base = { anthropic_version: "bedrock-2023-05-31", max_tokens: 200 };

describe("anthropic-claude matches", () => {
  it.each([
    "anthropic.claude-3-sonnet-20240229-v1:0",
    "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
    "global.anthropic.claude-sonnet-4-6",
    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
  ])("serves %s", (modelId) => expect(claude.matches(modelId)).toBe(true));

  it("leaves the legacy text-completion models to their own family", () => {
    expect(claude.matches("anthropic.claude-v2:1")).toBe(false);
    expect(claude.matches("anthropic.claude-instant-v1")).toBe(false);
  });
});

describe("anthropic-claude parseRequest", () => {
  it("requires anthropic_version and max_tokens in the service's words", () => {
    expect(errorMessage(() => claude.parseRequest({ messages: [] }))).toBe(
      "NativeBodyError: Malformed input request: #: required key [anthropic_version] not found#: required key [max_tokens] not found, please reformat your input and try again.",
    );
  });

  it("accepts the API version current Anthropic SDKs put in the body, but only as a string", () => {
    expect(claude.parseRequest({ ...base, anthropic_version: "2026-10-21", messages: [] }).messages).toEqual([]);
    expect(errorMessage(() => claude.parseRequest({ ...base, anthropic_version: 2023, messages: [] }))).toContain("#/anthropic_version: expected type: String, found: Integer");
  });

  it("refuses the keys the SDK strips (model, stream) and Converse keys", () => {
    expect(errorMessage(() => claude.parseRequest({ ...base, messages: [], model: "claude", inferenceConfig: {} }))).toBe(
      "NativeBodyError: Malformed input request: #: extraneous key [model] is not permitted#: extraneous key [inferenceConfig] is not permitted, please reformat your input and try again.",
    );
  });

  it("converts system, content blocks, cache_control, tools and sampling to Converse terms", () => {
    const request = claude.parseRequest({
      ...base,
      system: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }],
      temperature: 0.2,
      top_p: 0.9,
      top_k: 50,
      stop_sequences: ["END"],
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is in this image?" },
            { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
            { type: "document", title: "Report", source: { type: "base64", media_type: "application/pdf", data: "JVBERi0=" } },
          ],
        },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "Look up the weather.", signature: "EqQB" },
            { type: "redacted_thinking", data: "c2VjcmV0" },
            { type: "tool_use", id: "toolu_bdrk_01A", name: "get_weather", input: { city: "Paris" } },
          ],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_bdrk_01A", content: "22°C", is_error: false }] },
      ],
      tools: [{ name: "get_weather", description: "Weather by city", input_schema: { type: "object", properties: { city: { type: "string" } } } }],
      tool_choice: { type: "tool", name: "get_weather" },
      thinking: { type: "enabled", budget_tokens: 1024 },
    });
    expect(request.system).toEqual([{ text: "Be brief." }, { cachePoint: { type: "default" } }]);
    expect(request.inferenceConfig).toEqual({ maxTokens: 200, temperature: 0.2, topP: 0.9, stopSequences: ["END"] });
    expect(request.messages?.[0]?.content).toEqual([
      { text: "What is in this image?" },
      { image: { format: "png", source: { bytes: "iVBORw0KGgo=" } } },
      { document: { format: "pdf", name: "Report", source: { bytes: "JVBERi0=" } } },
    ]);
    expect(request.messages?.[1]?.content).toEqual([
      { reasoningContent: { reasoningText: { text: "Look up the weather.", signature: "EqQB" } } },
      { reasoningContent: { redactedContent: "c2VjcmV0" } },
      { toolUse: { toolUseId: "toolu_bdrk_01A", name: "get_weather", input: { city: "Paris" } } },
    ]);
    expect(request.messages?.[2]?.content).toEqual([{ toolResult: { toolUseId: "toolu_bdrk_01A", content: [{ text: "22°C" }], status: "success" } }]);
    expect(request.toolConfig).toEqual({
      tools: [{ toolSpec: { name: "get_weather", description: "Weather by city", inputSchema: { json: { type: "object", properties: { city: { type: "string" } } } } } }],
      toolChoice: { tool: { name: "get_weather" } },
    });
    expect(request.additionalModelRequestFields).toEqual({ top_k: 50, thinking: { type: "enabled", budget_tokens: 1024 } });
  });

  it("accepts string content and a string system prompt", () => {
    const request = claude.parseRequest({ ...base, system: "Be kind.", messages: [{ role: "user", content: "Hi" }] });
    expect(request.system).toEqual([{ text: "Be kind." }]);
    expect(request.messages).toEqual([{ role: "user", content: [{ text: "Hi" }] }]);
  });

  it("names the offending block with Anthropic's dotted path", () => {
    expect(errorMessage(() => claude.parseRequest({ ...base, messages: [{ role: "user", content: [{ type: "video" }] }] }))).toContain(
      "messages.0.content.0: Input tag 'video' found using 'type' does not match",
    );
    expect(errorMessage(() => claude.parseRequest({ ...base, messages: [{ role: "system", content: "x" }] }, "anthropic.claude-sonnet-4-5-20250929-v1:0"))).toContain(
      "messages.0.role: Input should be 'user' or 'assistant'",
    );
  });

  it("takes a system message inside the conversation from Claude Opus 4.8 on, as part of the system prompt", () => {
    const messages = [
      { role: "user", content: "Review it." },
      { role: "assistant", content: "Fine." },
      { role: "user", content: "Again." },
      { role: "system", content: [{ type: "text", text: "Use type annotations." }] },
    ];
    const request = claude.parseRequest({ ...base, system: "You review code.", messages }, "us.anthropic.claude-opus-4-8");
    expect(request.messages?.map((entry) => entry.role)).toEqual(["user", "assistant", "user"]);
    expect(request.system).toEqual([{ text: "You review code." }, { text: "Use type annotations." }]);
  });

  it("carries a cache_control TTL over to the cache point", () => {
    const block = { type: "text", text: "long", cache_control: { type: "ephemeral", ttl: "1h" } };
    const request = claude.parseRequest({ ...base, messages: [{ role: "user", content: [block] }] }, "anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(request.messages?.[0]?.content).toEqual([{ text: "long" }, { cachePoint: { type: "default", ttl: "1h" } }]);
  });

  it("applies Claude's own rules on empty text and on a prefill ending in whitespace", () => {
    expect(errorMessage(() => claude.parseRequest({ ...base, messages: [{ role: "user", content: [{ type: "text", text: "" }] }] }))).toBe(
      "NativeBodyError: messages: text content blocks must be non-empty",
    );
    const prefill = [{ role: "user", content: "Hi" }, { role: "assistant", content: "Sure, " }];
    expect(errorMessage(() => claude.parseRequest({ ...base, messages: prefill }))).toBe("NativeBodyError: messages: final assistant content cannot end with trailing whitespace");
    expect(claude.parseRequest({ ...base, messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Sure," }] }).messages).toHaveLength(2);
  });

  it("keeps tool_choice none where the scripted model can see it", () => {
    const request = claude.parseRequest({ ...base, messages: [], tools: [{ name: "f", input_schema: { type: "object" } }], tool_choice: { type: "none" } });
    expect(request.toolConfig?.toolChoice).toBeUndefined();
    expect(request.additionalModelRequestFields).toEqual({ tool_choice: { type: "none" } });
  });
});

describe("anthropic-claude renderResponse", () => {
  it("answers in Claude's key order with bedrock message ids and cache counters", () => {
    const turn = testTurn([{ text: "Hi" }], { stopReason: "max_tokens", usage: { inputTokens: 4, outputTokens: 50, totalTokens: 54, cacheWriteInputTokens: 10 } });
    const body = claude.renderResponse(turn, testContext(MODEL)) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage"]);
    expect(body.id).toMatch(/^msg_bdrk_01[0-9A-Za-z]{22}$/);
    expect(body).toMatchObject({ model: "claude-3-5-haiku-20241022", content: [{ type: "text", text: "Hi" }], stop_reason: "max_tokens", stop_sequence: null });
    expect(body.usage).toEqual({ input_tokens: 4, cache_creation_input_tokens: 10, cache_read_input_tokens: 0, output_tokens: 50 });
  });

  it("leaves cache counters out for Claude 3 models that predate caching", () => {
    const zeroCache = testTurn(undefined, { usage: { inputTokens: 11, outputTokens: 7, totalTokens: 18, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 } });
    const body = claude.renderResponse(zeroCache, testContext("anthropic.claude-3-sonnet-20240229-v1:0")) as { usage: object };
    expect(body.usage).toEqual({ input_tokens: 11, output_tokens: 7 });
  });

  it("renders tool use, thinking and redacted thinking blocks", () => {
    const turn = testTurn(
      [
        { reasoningContent: { reasoningText: { text: "Need weather.", signature: "sig" } } },
        { reasoningContent: { redactedContent: "cmVk" } },
        { toolUse: { toolUseId: "toolu_1", name: "get_weather", input: { city: "Paris" } } },
      ],
      { stopReason: "tool_use" },
    );
    const body = claude.renderResponse(turn, testContext(MODEL)) as { content: unknown; stop_reason: string };
    expect(body.content).toEqual([
      { type: "thinking", thinking: "Need weather.", signature: "sig" },
      { type: "redacted_thinking", data: "cmVk" },
      { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
    ]);
    expect(body.stop_reason).toBe("tool_use");
  });

  it("echoes the caller's stop sequence when the turn stopped on one", () => {
    const context = testContext(MODEL, { nativeBody: { ...base, messages: [], stop_sequences: ["###"] } });
    expect(claude.renderResponse(testTurn(undefined, { stopReason: "stop_sequence" }), context)).toMatchObject({ stop_reason: "stop_sequence", stop_sequence: "###" });
  });

  it("strips the provider and version from the model name", () => {
    expect(anthropicModelName("us.anthropic.claude-sonnet-4-20250514-v1:0")).toBe("claude-sonnet-4-20250514");
    expect(anthropicModelName("global.anthropic.claude-sonnet-4-6")).toBe("claude-sonnet-4-6");
  });
});

describe("anthropic-claude renderStream", () => {
  it("streams text as message_start, block events, message_delta and message_stop with metrics", () => {
    const context = testContext(MODEL, { chunkSize: 5 });
    const chunks = claude.renderStream(testTurn([{ text: "Hello there" }]), context) as Array<Record<string, unknown>>;
    expect(chunks.map((chunk) => chunk.type)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(chunks[1]).toEqual({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
    expect(chunks.slice(2, 5).map((chunk) => (chunk.delta as { text: string }).text).join("")).toBe("Hello there");
    expect(chunks[6]).toEqual({ type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 7 } });
    expect(chunks[7]).toEqual({ type: "message_stop", "amazon-bedrock-invocationMetrics": context.invocationMetrics });
  });

  it("streams tool input as input_json_delta starting with an empty fragment, and thinking with its signature", () => {
    const turn = testTurn(
      [
        { reasoningContent: { reasoningText: { text: "Plan", signature: "sig-1" } } },
        { toolUse: { toolUseId: "toolu_2", name: "lookup", input: { query: "bedrock" } } },
      ],
      { stopReason: "tool_use" },
    );
    const chunks = claude.renderStream(turn, testContext(MODEL, { chunkSize: 8 })) as Array<Record<string, unknown>>;
    const deltas = chunks.filter((chunk) => chunk.type === "content_block_delta").map((chunk) => chunk.delta as Record<string, string>);
    expect(deltas[0]).toEqual({ type: "thinking_delta", thinking: "Plan" });
    expect(deltas[1]).toEqual({ type: "signature_delta", signature: "sig-1" });
    expect(deltas[2]).toEqual({ type: "input_json_delta", partial_json: "" });
    expect(JSON.parse(deltas.slice(2).map((delta) => delta.partial_json).join(""))).toEqual({ query: "bedrock" });
    expect(chunks.find((chunk) => chunk.type === "content_block_start" && chunk.index === 1)?.content_block).toEqual({ type: "tool_use", id: "toolu_2", name: "lookup", input: {} });
  });
});
