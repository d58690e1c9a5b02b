import { describe, expect, it } from "vitest";
import { InvokeModelModel } from "../src/index.js";
import { anthropicClaudeAdapter } from "../src/families/anthropic-claude/anthropic-claude-adapter.js";
import { collectStream } from "./assemble-stream.js";
import { fixturesPresent, loadCassette } from "./fixtures.js";
import { recordedClient, type SentRequest } from "./recorded-client.js";

const DD = "dd-trace-py-bedrock-cassettes";
const OL = "openllmetry-bedrock-cassettes";
const user = (text: string) => ({ role: "user" as const, content: [{ text }] });

function firstRecordedText(body: Record<string, unknown>): string {
  const messages = body.messages as Array<{ content: Array<{ text: string }> }>;
  return messages[0]?.content[0]?.text ?? "";
}

describe.skipIf(!fixturesPresent)("Anthropic Claude adapter against recorded Bedrock traffic", () => {
  it("writes the recorded Messages request body and reads the recorded response with header usage", async () => {
    const [interaction] = loadCassette(`${DD}/anthropic_message_invoke.yaml`);
    if (!interaction) throw new Error("cassette is empty");
    const sent: SentRequest[] = [];
    const model = new InvokeModelModel(recordedClient(interaction, sent));
    const response = await model.converse({
      modelId: "us.anthropic.claude-3-sonnet-20240229-v1:0",
      messages: [user("summarize the plot to the lord of the rings in a dozen words")],
      inferenceConfig: { maxTokens: 50, temperature: 0 },
    });
    expect(sent[0]?.body).toEqual(interaction.requestBody);
    expect(sent[0]?.path).toBe("/model/us.anthropic.claude-3-sonnet-20240229-v1%3A0/invoke");
    expect(response.output?.message?.content).toEqual([
      { text: "Hobbits embark on epic quest to destroy powerful ring, battling dark forces." },
    ]);
    expect(response.stopReason).toBe("end_turn");
    expect(response.usage).toEqual({ inputTokens: 21, outputTokens: 22, totalTokens: 43 });
    expect(response.metrics).toEqual({ latencyMs: 886 });
  });

  it("maps cache points and top_k to the recorded prompt-cache body, and cache headers to usage", async () => {
    const interactions = loadCassette(`${OL}/metrics__test_bedrock_prompt_caching_metrics__test_prompt_cache.yaml`);
    const [write, read] = interactions;
    if (!write || !read) throw new Error("cassette needs two interactions");
    const request = {
      modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
      system: [{ text: "very very long system prompt" }],
      messages: [{ role: "user" as const, content: [{ text: "How do I write js?" }, { cachePoint: { type: "default" as const } }] }],
      inferenceConfig: { maxTokens: 50, temperature: 0.1, topP: 0.1, stopSequences: ["stop"] },
      additionalModelRequestFields: { top_k: 250 },
    };
    const sent: SentRequest[] = [];
    const first = await new InvokeModelModel(recordedClient(write, sent)).converse(request);
    expect(sent[0]?.body).toEqual(write.requestBody);
    expect(first.stopReason).toBe("max_tokens");
    expect(first.usage).toEqual({ inputTokens: 4, outputTokens: 50, cacheReadInputTokens: 0, cacheWriteInputTokens: 18131, totalTokens: 18185 });
    const second = await new InvokeModelModel(recordedClient(read)).converse(request);
    expect(second.usage?.cacheReadInputTokens).toBe(18131);
    expect(second.usage?.totalTokens).toBe(18185);
  });

  it("sends a plain-string message body the same way Bedrock recorded it", () => {
    const [interaction] = loadCassette(`${OL}/traces__test_anthropic__test_anthropic_3_completion_complex_content.yaml`);
    const body = anthropicClaudeAdapter.buildRequest(
      { modelId: "anthropic.claude-3-sonnet-20240229-v1:0", messages: [user("Tell me a joke about opentelemetry")], inferenceConfig: { maxTokens: 200, temperature: 0.5 } },
      { modelId: "anthropic.claude-3-sonnet-20240229-v1:0", baseModelId: "anthropic.claude-3-sonnet-20240229-v1:0", streaming: false, request: { modelId: "x" } },
    );
    expect(body).toEqual(interaction?.requestBody);
  });

  for (const file of [`${DD}/anthropic_message_invoke_stream.yaml`, `${OL}/traces__test_anthropic__test_anthropic_3_completion_streaming.yaml`]) {
    it(`turns the recorded event stream of ${file.split("/")[1]} into ConverseStream events`, async () => {
      const [interaction] = loadCassette(file);
      if (!interaction) throw new Error("cassette is empty");
      const sent: SentRequest[] = [];
      const model = new InvokeModelModel(recordedClient(interaction, sent));
      const stream = await model.converseStream({
        modelId: "anthropic.claude-3-sonnet-20240229-v1:0",
        messages: [user(firstRecordedText(interaction.requestBody))],
        inferenceConfig: { maxTokens: interaction.requestBody.max_tokens as number, temperature: interaction.requestBody.temperature as number },
      });
      const { events, response } = await collectStream(stream);
      expect(sent[0]?.path).toMatch(/\/invoke-with-response-stream$/);
      expect(sent[0]?.body).toEqual(interaction.requestBody);
      expect(Object.keys(events[0] ?? {})).toEqual(["messageStart"]);
      expect(events.filter((event) => event.contentBlockStart)).toHaveLength(0);
      const stops = events.filter((event) => event.contentBlockStop);
      expect(stops).toHaveLength(1);
      const text = response.output?.message?.content?.[0]?.text ?? "";
      expect(text.length).toBeGreaterThan(20);
      expect(response.stopReason).toBe("end_turn");
      // Usage and latency come from the last chunk's amazon-bedrock-invocationMetrics.
      const metadata = events.at(-1)?.metadata;
      expect(metadata?.usage?.inputTokens).toBeGreaterThan(0);
      expect(metadata?.usage?.totalTokens).toBe((metadata?.usage?.inputTokens ?? 0) + (metadata?.usage?.outputTokens ?? 0));
      expect(metadata?.metrics?.latencyMs).toBeGreaterThan(100);
    });
  }
});

const PA = "pydantic-ai-bedrock-cassettes";

describe.skipIf(!fixturesPresent)("current Claude models against recorded traffic", () => {
  it("Haiku 4.5: a cache point with a 5-minute TTL is the recorded cache_control, and cache_creation becomes cacheDetails", async () => {
    const [write, read] = loadCassette(`${PA}/test_anthropic_cache_bedrock_real_api.yaml`);
    if (!write || !read) throw new Error("cassette needs two interactions");
    const recorded = write.requestBody as { messages: Array<{ content: Array<{ text: string }> }> };
    const long = recorded.messages[0]?.content[0]?.text ?? "";
    const sent: SentRequest[] = [];
    const first = await new InvokeModelModel(recordedClient(write, sent)).converse({
      modelId: "eu.anthropic.claude-haiku-4-5-20251001-v1:0",
      system: [{ text: "You are a helpful assistant." }],
      messages: [{ role: "user", content: [{ text: long }, { cachePoint: { type: "default", ttl: "5m" } }] }],
      inferenceConfig: { maxTokens: 4096 },
    });
    expect(sent[0]?.body).toEqual(write.requestBody);
    expect(first.usage).toEqual({ inputTokens: 3, outputTokens: 1944, cacheReadInputTokens: 9511, cacheWriteInputTokens: 0, totalTokens: 11458 });
    const second = await new InvokeModelModel(recordedClient(read)).converse({ modelId: "eu.anthropic.claude-haiku-4-5-20251001-v1:0", messages: [user("Summarize.")] });
    expect(second.usage).toMatchObject({ cacheWriteInputTokens: 1956, cacheDetails: [{ ttl: "5m", inputTokens: 1956 }] });
  });

  it("Sonnet 5: a signature-only thinking block comes back as reasoning with an empty text and its signature", async () => {
    const [interaction] = loadCassette(`${PA}/test_mid_conversation_system_prompt_unsupported_client.yaml`);
    if (!interaction) throw new Error("cassette is empty");
    const response = await new InvokeModelModel(recordedClient(interaction)).converse({ modelId: "us.anthropic.claude-sonnet-5", messages: [user("Review it again.")] });
    const reasoning = response.output?.message?.content?.[0]?.reasoningContent?.reasoningText;
    expect(reasoning?.text).toBe("");
    expect(reasoning?.signature).toMatch(/^EogHCnIIEBAB/);
    expect(response.output?.message?.content?.[1]?.text).toContain("type annotations");
    expect(response.usage).toMatchObject({ inputTokens: 72, outputTokens: 419 });
  });

  it("Opus 4.8: reads the recorded body with stop_details, thinking-token details and the service tier", async () => {
    const [interaction] = loadCassette(`${PA}/test_mid_conversation_system_prompt_on_bedrock.yaml`);
    if (!interaction) throw new Error("cassette is empty");
    const response = await new InvokeModelModel(recordedClient(interaction)).converse({ modelId: "us.anthropic.claude-opus-4-8", messages: [user("Review it again.")] });
    expect(response.stopReason).toBe("end_turn");
    expect(response.usage).toEqual({ inputTokens: 68, outputTokens: 508, cacheReadInputTokens: 0, cacheWriteInputTokens: 0, totalTokens: 576 });
  });
});

describe.skipIf(!fixturesPresent)("Anthropic Claude legacy text completions against recorded traffic", () => {
  it("writes the recorded Human/Assistant body and reads the completion", async () => {
    const [interaction] = loadCassette(`${DD}/anthropic_invoke.yaml`);
    if (!interaction) throw new Error("cassette is empty");
    const sent: SentRequest[] = [];
    const response = await new InvokeModelModel(recordedClient(interaction, sent)).converse({
      modelId: "anthropic.claude-instant-v1",
      messages: [user("What makes you better than Chat-GPT or LLAMA?")],
      inferenceConfig: { maxTokens: 50, temperature: 0.9, topP: 1 },
      additionalModelRequestFields: { top_k: 250 },
    });
    expect(sent[0]?.body).toEqual(interaction.requestBody);
    expect(response.output?.message?.content?.[0]?.text).toContain("created by Anthropic");
    // Stopping at the next "Human:" is the normal end of the assistant's turn.
    expect(response.stopReason).toBe("end_turn");
    expect(response.usage).toEqual({ inputTokens: 23, outputTokens: 32, totalTokens: 55 });
  });

  it("streams the recorded legacy stream", async () => {
    const [interaction] = loadCassette(`${DD}/anthropic_invoke_stream.yaml`);
    if (!interaction) throw new Error("cassette is empty");
    const stream = await new InvokeModelModel(recordedClient(interaction)).converseStream({ modelId: "anthropic.claude-instant-v1", messages: [user("Hi")] });
    const { events } = await collectStream(stream);
    expect(events.at(-2)).toEqual({ messageStop: { stopReason: "end_turn" } });
    expect(events.at(-1)?.metadata?.usage).toEqual({ inputTokens: 25, outputTokens: 4, totalTokens: 29 });
  });
});
