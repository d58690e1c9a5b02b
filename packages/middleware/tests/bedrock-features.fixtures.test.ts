import { Agent, ModelCapabilityRegistry } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { createTokenCounter, reasoningMiddleware, serviceTierMiddleware } from "../src/index.js";
import { estimateRequestTokens } from "../src/internal.js";
import { fixturesPresent, loadExchanges, replayingClient, type SentExchange } from "./recorded-traffic.js";

// pydantic-ai's recordings of real Bedrock traffic (shared/fixtures/pydantic-ai-bedrock-cassettes).
const cassette = (name: string) => loadExchanges(`pydantic-ai-bedrock-cassettes/${name}.yaml`);

describe.skipIf(!fixturesPresent)("Bedrock features against recorded traffic", () => {
  it("counts tokens for an inference profile by its foundation-model ID, as recorded", async () => {
    const recorded = cassette("test_bedrock_inference_profile_count_tokens");
    const sent: SentExchange[] = [];
    const counter = createTokenCounter({ client: replayingClient(recorded, sent) });
    const messages = [{ role: "user" as const, content: [{ text: "Hello, world!" }] }];
    expect(await counter.count({ modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0", messages })).toEqual({ inputTokens: 11, source: "count-tokens" });
    expect(sent[0]?.path).toBe(recorded[0]?.path);
    expect((sent[0]?.body as { input: { converse: { messages: unknown } } }).input.converse.messages).toEqual(
      (recorded[0]?.requestBody as { input: { converse: { messages: unknown } } }).input.converse.messages,
    );
  });

  it("falls back to the estimate when CountTokens refuses the model, as recorded", async () => {
    const recorded = cassette("test_bedrock_count_tokens_error");
    const sent: SentExchange[] = [];
    const registry = new ModelCapabilityRegistry({ overrides: { "does-not-exist-model-v1:0": { countTokens: true } } });
    const counter = createTokenCounter({ client: replayingClient(recorded, sent), registry });
    const request = { modelId: "does-not-exist-model-v1:0", messages: [{ role: "user" as const, content: [{ text: "hello" }] }] };
    expect(await counter.count(request)).toEqual({ inputTokens: estimateRequestTokens(request), source: "estimate" });
    expect(sent[0]?.path).toBe(recorded[0]?.path);
  });

  it("sends the service tier as recorded and reads the echoed tier", async () => {
    const recorded = cassette("test_bedrock_model_service_tier_flex");
    const sent: SentExchange[] = [];
    const agent = new Agent({
      modelId: "amazon.nova-pro-v1:0",
      client: replayingClient(recorded, sent),
      system: "You are a helpful chatbot.",
      middleware: [serviceTierMiddleware({ tier: "flex" })],
    });
    const result = await agent.send("What is the capital of France?");
    expect(sent[0]?.body["serviceTier"]).toEqual(recorded[0]?.requestBody["serviceTier"]);
    expect(sent[0]?.body["system"]).toEqual(recorded[0]?.requestBody["system"]);
    expect(result.text).toMatch(/^The capital of France is Paris/);
  });

  it("sends recorded redacted thinking back byte for byte on the next turn", async () => {
    const recorded = cassette("test_bedrock_model_thinking_part_redacted");
    const sent: SentExchange[] = [];
    const firstInput = ((recorded[0]?.requestBody["messages"] as Array<{ content: Array<{ text: string }> }>)[0]?.content[0]?.text) ?? "";
    const recordedThinking = (recorded[0]?.requestBody["additionalModelRequestFields"] as { thinking: { budget_tokens: number } }).thinking;
    const agent = new Agent({
      modelId: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
      client: replayingClient(recorded, sent),
      middleware: [reasoningMiddleware({ thinking: { type: "enabled", budgetTokens: recordedThinking.budget_tokens } })],
    });
    await agent.send(firstInput);
    const secondMessages = recorded[1]?.requestBody["messages"] as Array<{ content: unknown[] }>;
    const secondInput = (secondMessages[2]?.content[0] as { text: string }).text;
    await agent.send(secondInput);
    expect(sent[0]?.body["additionalModelRequestFields"]).toEqual(recorded[0]?.requestBody["additionalModelRequestFields"]);
    const sentAssistant = (sent[1]?.body["messages"] as Array<{ content: unknown[] }>)[1];
    expect(sentAssistant?.content[0]).toEqual(secondMessages[1]?.content[0]);
    expect(sentAssistant?.content[0]).toMatchObject({ reasoningContent: { redactedContent: expect.stringMatching(/^RXU4RUNr/) } });
  });
});
