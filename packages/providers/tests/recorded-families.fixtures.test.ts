import { describe, expect, it } from "vitest";
import type { ModelRequest } from "@sluice/core";
import { fixturesPresent, loadCassette } from "./fixtures.js";
import { converseRecorded, firstInteraction, streamRecorded } from "./recorded-client.js";

const DD = "dd-trace-py-bedrock-cassettes";
const OL = "openllmetry-bedrock-cassettes";

function userRequest(modelId: string, text: string, rest: Partial<ModelRequest> = {}): ModelRequest {
  return { modelId, messages: [{ role: "user", content: [{ text }] }], ...rest };
}

// Sluice never sends an empty stop-sequence list; recordings made by other clients sometimes do.
function withoutEmptyLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyLists);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => !(Array.isArray(member) && member.length === 0))
      .map(([key, member]) => [key, withoutEmptyLists(member)]),
  );
}

describe.skipIf(!fixturesPresent)("Amazon Titan Text against recorded traffic", () => {
  it("writes the recorded body, reads the recorded answer, takes usage and latency from the headers", async () => {
    const interaction = firstInteraction(loadCassette(`${OL}/traces__test_titan__test_titan_completion.yaml`));
    const prompt = String(interaction.requestBody.inputText);
    const { sent, response } = await converseRecorded(
      interaction,
      userRequest("amazon.titan-text-express-v1", prompt, { inferenceConfig: { maxTokens: 200, temperature: 0.5, topP: 0.5 } }),
    );
    expect(sent.body).toEqual(interaction.requestBody);
    expect(response.output?.message?.content?.[0]?.text).toContain("Amazon Bedrock es la forma");
    expect(response.stopReason).toBe("end_turn");
    expect(response.usage).toEqual({ inputTokens: 30, outputTokens: 29, totalTokens: 59 });
    expect(response.metrics?.latencyMs).toBe(2433);
  });

  it("resolves a foundation-model ARN and maps LENGTH to max_tokens", async () => {
    const interaction = firstInteraction(loadCassette(`${DD}/amazon_invoke_model_arn.yaml`));
    const modelId = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-tg1-large";
    const { sent, response } = await converseRecorded(
      interaction,
      userRequest(modelId, String(interaction.requestBody.inputText), { inferenceConfig: { maxTokens: 50, temperature: 0, topP: 0.9 } }),
    );
    expect(sent.path).toBe("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A%3Afoundation-model%2Famazon.titan-tg1-large/invoke");
    expect(sent.body).toEqual(withoutEmptyLists(interaction.requestBody));
    expect(response.stopReason).toBe("max_tokens");
    expect(response.usage?.outputTokens).toBe(50);
  });

  it("sends the guardrail as headers and reports an intervention as guardrail_intervened", async () => {
    const interaction = firstInteraction(loadCassette(`${OL}/metrics__test_bedrock_guardrails_metrics__test_titan_invoke_model_guardrail.yaml`));
    const { sent, response } = await converseRecorded(
      interaction,
      userRequest("amazon.titan-text-express-v1", String(interaction.requestBody.inputText), {
        inferenceConfig: { maxTokens: 512, temperature: 0.5 },
        guardrailConfig: { guardrailIdentifier: "5zwrmdlsra2e", guardrailVersion: "DRAFT" },
      }),
    );
    expect(sent.body).toEqual(interaction.requestBody);
    expect(sent.headers["x-amzn-bedrock-guardrailidentifier"]).toBe(interaction.requestHeaders["x-amzn-bedrock-guardrailidentifier"]);
    expect(sent.headers["x-amzn-bedrock-guardrailversion"]).toBe("DRAFT");
    expect(response.stopReason).toBe("guardrail_intervened");
    expect(response.output?.message?.content?.[0]?.text).toContain("{Account Number}");
  });

  it("streams the recorded single-chunk Titan stream with usage from the invocation metrics", async () => {
    const interaction = firstInteraction(loadCassette(`${DD}/amazon_invoke_stream.yaml`));
    const { events, response } = await streamRecorded(
      interaction,
      userRequest("amazon.titan-tg1-large", String(interaction.requestBody.inputText), { inferenceConfig: { maxTokens: 50, temperature: 0, topP: 0.9 } }),
    );
    expect(events.map((event) => Object.keys(event)[0])).toEqual(["messageStart", "contentBlockDelta", "contentBlockStop", "messageStop", "metadata"]);
    expect(response.stopReason).toBe("max_tokens");
    expect(response.usage).toEqual({ inputTokens: 18, outputTokens: 51, totalTokens: 69 });
    expect(response.metrics?.latencyMs).toBe(1804);
  });

  it("streams a guardrail intervention as guardrail_intervened", async () => {
    const interaction = firstInteraction(loadCassette(`${OL}/metrics__test_bedrock_guardrails_metrics__test_titan_invoke_stream_guardrail.yaml`));
    const { response } = await streamRecorded(interaction, userRequest("amazon.titan-text-express-v1", String(interaction.requestBody.inputText)));
    expect(response.stopReason).toBe("guardrail_intervened");
    expect(response.output?.message?.content).toHaveLength(1);
    expect(response.output?.message?.content?.[0]?.text).toContain("The string {Account Number} was woven");
  });
});

describe.skipIf(!fixturesPresent)("Meta Llama against recorded traffic", () => {
  it("writes the recorded Llama 2 chat-template prompt exactly", async () => {
    const interaction = firstInteraction(loadCassette(`${OL}/traces__test_meta__test_meta_llama2_completion_string_content.yaml`));
    const prompt = String(interaction.requestBody.prompt);
    const system = /<<SYS>>\n([\s\S]*)\n<<\/SYS>>/.exec(prompt)?.[1] ?? "";
    const { sent, response } = await converseRecorded(
      interaction,
      userRequest("meta.llama2-13b-chat-v1", "There's a llama in my garden  What should I do?", {
        system: [{ text: system }],
        inferenceConfig: { maxTokens: 128, temperature: 0.1, topP: 0.9 },
      }),
    );
    expect(sent.body).toEqual(interaction.requestBody);
    expect(response.stopReason).toBe("max_tokens");
    expect(response.usage).toEqual({ inputTokens: 158, outputTokens: 128, totalTokens: 286 });
  });

  it("sends a Llama 3 prompt in the Llama 3 template and reads the recorded Llama 3 answer", async () => {
    const interaction = firstInteraction(loadCassette(`${OL}/traces__test_meta__test_meta_llama3_completion.yaml`));
    const { sent, response } = await converseRecorded(
      interaction,
      userRequest("meta.llama3-70b-instruct-v1:0", "Tell me a joke about opentelemetry", { inferenceConfig: { maxTokens: 128, temperature: 0.1, topP: 0.9 } }),
    );
    expect(sent.body).toEqual({
      ...interaction.requestBody,
      prompt:
        "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nTell me a joke about opentelemetry<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
    });
    expect(response.output?.message?.content?.[0]?.text).toContain("opentelemetry span go to therapy");
    expect(response.stopReason).toBe("end_turn");
    expect(response.usage?.inputTokens).toBe(8);
  });

  it("streams the recorded 60-chunk Llama stream into one text block", async () => {
    const interaction = firstInteraction(loadCassette(`${DD}/meta_invoke_stream.yaml`));
    const { events, response } = await streamRecorded(interaction, userRequest("meta.llama2-13b-chat-v1", "What does 'lorem ipsum' mean?"));
    expect(events.filter((event) => event.contentBlockDelta).length).toBeGreaterThan(50);
    expect(events.filter((event) => event.contentBlockStop)).toHaveLength(1);
    expect(response.stopReason).toBe("max_tokens");
    expect(response.usage).toEqual({ inputTokens: 10, outputTokens: 60, totalTokens: 70 });
    expect(response.metrics?.latencyMs).toBe(1686);
  });
});

describe.skipIf(!fixturesPresent)("Cohere Command (legacy) against recorded traffic", () => {
  it("writes the recorded body and reads the first generation", async () => {
    const interaction = firstInteraction(loadCassette(`${OL}/traces__test_cohere__test_cohere_completion.yaml`));
    const { sent, response } = await converseRecorded(
      interaction,
      userRequest("cohere.command-text-v14", "Tell me a joke about opentelemetry", { inferenceConfig: { maxTokens: 200, temperature: 0.5, topP: 0.5 } }),
    );
    expect(sent.body).toEqual(interaction.requestBody);
    expect(response.output?.message?.content?.[0]?.text).toContain("open-source project");
    expect(response.usage).toEqual({ inputTokens: 9, outputTokens: 112, totalTokens: 121 });
  });

  it("passes native extras through additionalModelRequestFields", async () => {
    const interaction = firstInteraction(loadCassette(`${DD}/cohere_invoke_multi_output.yaml`));
    const { sent, response } = await converseRecorded(
      interaction,
      userRequest("cohere.command-light-text-v14", String(interaction.requestBody.prompt), {
        inferenceConfig: { maxTokens: 10, temperature: 0.9, topP: 1 },
        additionalModelRequestFields: { k: 0, stream: false, num_generations: 2 },
      }),
    );
    expect(sent.body).toEqual(withoutEmptyLists(interaction.requestBody));
    expect(response.output?.message?.content).toEqual([{ text: " A large language model (LLM) chain can" }]);
    expect(response.stopReason).toBe("max_tokens");
  });

  // Both generations are billed, so the multi-output stream reports 20 output tokens.
  for (const [file, expected, billed] of [
    ["cohere_invoke_stream_single_output.yaml", " I am very", 10],
    ["cohere_invoke_stream_multi_output.yaml", " In machine learning", 20],
  ] as const) {
    it(`streams ${file}, keeping only the first generation`, async () => {
      const interaction = firstInteraction(loadCassette(`${DD}/${file}`));
      const { response } = await streamRecorded(interaction, userRequest("cohere.command-light-text-v14", "Can you explain what a LLM chain is?"));
      const text = response.output?.message?.content?.[0]?.text ?? "";
      expect(text.startsWith(expected)).toBe(true);
      expect(response.stopReason).toBe("max_tokens");
      expect(response.usage?.outputTokens).toBe(billed);
    });
  }
});

describe.skipIf(!fixturesPresent)("AI21 Jurassic-2 against recorded traffic", () => {
  it("writes the recorded body and reads completions[0]", async () => {
    const interaction = firstInteraction(loadCassette(`${OL}/traces__test_ai21__test_ai21_j2_completion_string_content.yaml`));
    const { sent, response } = await converseRecorded(
      interaction,
      userRequest("ai21.j2-mid-v1", String(interaction.requestBody.prompt), { inferenceConfig: { maxTokens: 200, temperature: 0.5, topP: 0.5 } }),
    );
    expect(sent.body).toEqual(interaction.requestBody);
    expect(response.output?.message?.content?.[0]?.text?.length).toBeGreaterThan(10);
    expect(response.usage).toEqual({ inputTokens: 26, outputTokens: 42, totalTokens: 68 });
  });

  it("maps a length finish to max_tokens", async () => {
    const interaction = firstInteraction(loadCassette(`${DD}/ai21_invoke.yaml`));
    const { response } = await converseRecorded(interaction, userRequest("ai21.j2-mid-v1", String(interaction.requestBody.prompt)));
    expect(response.stopReason).toBe("max_tokens");
  });
});

describe.skipIf(!fixturesPresent)("Amazon Nova against recorded traffic", () => {
  it("writes the recorded messages-v1 body (topK via additionalModelRequestFields)", async () => {
    const interaction = firstInteraction(loadCassette(`${OL}/traces__test_nova__test_nova_completion.yaml`));
    const { sent, response } = await converseRecorded(interaction, {
      modelId: "amazon.nova-lite-v1:0",
      system: [{ text: "tell me a very two sentence story." }],
      messages: [{ role: "user", content: [{ text: "A camping trip" }] }],
      inferenceConfig: { maxTokens: 500, topP: 0.9, temperature: 0.7 },
      additionalModelRequestFields: { inferenceConfig: { topK: 20 } },
    });
    expect(sent.body).toEqual(interaction.requestBody);
    expect(response.stopReason).toBe("guardrail_intervened");
    // The body's usage has only inputTokens; the headers complete it.
    expect(response.usage).toEqual({ inputTokens: 30, outputTokens: 51, cacheReadInputTokens: 0, cacheWriteInputTokens: 0, totalTokens: 81 });
  });

  it("accepts Nova 1's snake_case inference keys and sends them once, in camelCase", async () => {
    const interaction = firstInteraction(loadCassette(`${OL}/traces__test_nova__test_nova_cross_region_invoke.yaml`));
    const { sent, response } = await converseRecorded(interaction, {
      ...userRequest("us.amazon.nova-lite-v1:0", "Tell me a joke about OpenTelemetry"),
      additionalModelRequestFields: { inferenceConfig: { max_new_tokens: 500, top_p: 0.9, top_k: 20, temperature: 0.7 } },
    });
    const { schemaVersion, ...rest } = sent.body;
    expect(schemaVersion).toBe("messages-v1");
    expect(rest).toEqual(interaction.requestBody);
    expect(response.output?.message?.content?.[0]?.text).toContain("OpenTelemetry developer");
    expect(response.usage?.totalTokens).toBe(60);
  });

  it("merges the one-block-per-token guardrail stream into one text block", async () => {
    const interaction = firstInteraction(loadCassette(`${OL}/traces__test_nova__test_nova_invoke_stream.yaml`));
    const { events, response } = await streamRecorded(interaction, {
      modelId: "amazon.nova-lite-v1:0",
      system: [{ text: "tell me a very two sentence story and put the string 1234561666 into the last sentence." }],
      messages: [{ role: "user", content: [{ text: "A camping trip" }] }],
      inferenceConfig: { topP: 0.9, temperature: 0.7 },
      additionalModelRequestFields: { inferenceConfig: { topK: 20 } },
    });
    expect(events.filter((event) => event.contentBlockStop)).toHaveLength(1);
    expect(response.output?.message?.content).toHaveLength(1);
    expect(response.output?.message?.content?.[0]?.text).toMatch(/^On their first night in the wilderness/);
    expect(response.stopReason).toBe("guardrail_intervened");
    expect(response.usage).toEqual({ inputTokens: 30, outputTokens: 55, cacheReadInputTokens: 0, cacheWriteInputTokens: 0, totalTokens: 85 });
  });
});
