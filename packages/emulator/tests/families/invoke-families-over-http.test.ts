import { InvokeModelCommand, InvokeModelWithResponseStreamCommand, ValidationException } from "@aws-sdk/client-bedrock-runtime";
import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, STREAMING_UNSUPPORTED_MESSAGE } from "../../src/index.js";
import type { Emulator } from "../../src/index.js";
import { bedrockClient } from "../helpers/clients.js";

type Json = Record<string, any>;

/** One native dialect exercised end to end: a body asking about Paris, and where the answer text lives. */
interface FamilyCase {
  family: string;
  modelId: string;
  body: Json;
  answer: (body: Json) => string;
  streamed?: (chunks: Json[]) => string;
}

const joined = (chunks: Json[], pick: (chunk: Json) => unknown) => chunks.map((chunk) => pick(chunk) ?? "").join("");

const CASES: FamilyCase[] = [
  {
    family: "anthropic-claude",
    modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
    body: { anthropic_version: "bedrock-2023-05-31", max_tokens: 100, messages: [{ role: "user", content: "Weather in Paris?" }] },
    answer: (body) => body.content[0].text,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.delta?.text),
  },
  {
    family: "anthropic-claude-text-completion",
    modelId: "anthropic.claude-v2:1",
    body: { prompt: "\n\nHuman: Weather in Paris?\n\nAssistant:", max_tokens_to_sample: 100 },
    answer: (body) => body.completion,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.completion),
  },
  {
    family: "amazon-nova",
    modelId: "us.amazon.nova-lite-v1:0",
    body: { schemaVersion: "messages-v1", messages: [{ role: "user", content: [{ text: "Weather in Paris?" }] }], inferenceConfig: { max_new_tokens: 100 } },
    answer: (body) => body.output.message.content[0].text,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.contentBlockDelta?.delta.text),
  },
  {
    family: "amazon-titan-text",
    modelId: "amazon.titan-text-express-v1",
    body: { inputText: "Weather in Paris?", textGenerationConfig: { maxTokenCount: 100 } },
    answer: (body) => body.results[0].outputText,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.outputText),
  },
  {
    family: "meta-llama",
    modelId: "meta.llama3-1-70b-instruct-v1:0",
    body: { prompt: "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nWeather in Paris?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", max_gen_len: 100 },
    answer: (body) => body.generation,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.generation),
  },
  {
    family: "mistral (text)",
    modelId: "mistral.mistral-7b-instruct-v0:2",
    body: { prompt: "<s>[INST] Weather in Paris? [/INST]", max_tokens: 100 },
    answer: (body) => body.outputs[0].text,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.outputs[0].text),
  },
  {
    family: "mistral (chat)",
    modelId: "mistral.mistral-large-2407-v1:0",
    body: { messages: [{ role: "user", content: "Weather in Paris?" }], max_tokens: 100 },
    answer: (body) => body.choices[0].message.content,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.choices[0].message.content),
  },
  {
    family: "cohere-command",
    modelId: "cohere.command-r-plus-v1:0",
    body: { message: "Weather in Paris?", max_tokens: 100 },
    answer: (body) => body.text,
    streamed: (chunks) => joined(chunks, (chunk) => (chunk.event_type === "text-generation" ? chunk.text : "")),
  },
  {
    family: "cohere-command-legacy",
    modelId: "cohere.command-text-v14",
    body: { prompt: "Weather in Paris?", max_tokens: 100 },
    answer: (body) => body.generations[0].text,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.text),
  },
  {
    family: "ai21-jamba",
    modelId: "ai21.jamba-1-5-mini-v1:0",
    body: { messages: [{ role: "user", content: "Weather in Paris?" }], max_tokens: 100 },
    answer: (body) => body.choices[0].message.content,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.choices[0].delta.content),
  },
  {
    family: "ai21-jurassic",
    modelId: "ai21.j2-mid-v1",
    body: { prompt: "Weather in Paris?", maxTokens: 100 },
    answer: (body) => body.completions[0].data.text,
  },
  {
    family: "deepseek",
    modelId: "us.deepseek.r1-v1:0",
    body: { prompt: "<｜begin▁of▁sentence｜><｜User｜>Weather in Paris?<｜Assistant｜><think>\n", max_tokens: 100 },
    answer: (body) => body.choices[0].text,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.choices[0].text),
  },
  {
    family: "openai-gpt-oss",
    modelId: "openai.gpt-oss-20b-1:0",
    body: { messages: [{ role: "user", content: "Weather in Paris?" }], max_completion_tokens: 100 },
    answer: (body) => body.choices[0].message.content,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.choices[0].delta.content),
  },
  {
    family: "mistral (chat), Mistral Large 3",
    modelId: "mistral.mistral-large-3-675b-instruct",
    body: { messages: [{ role: "user", content: "Weather in Paris?" }], max_tokens: 100 },
    answer: (body) => body.choices[0].message.content,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.choices[0].message.content),
  },
  {
    family: "anthropic-claude, current IDs",
    modelId: "global.anthropic.claude-opus-4-8",
    body: { anthropic_version: "bedrock-2023-05-31", max_tokens: 100, messages: [{ role: "user", content: "Weather in Paris?" }] },
    answer: (body) => body.content[0].text,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.delta?.text),
  },
  {
    family: "amazon-nova, Nova 2",
    modelId: "us.amazon.nova-2-lite-v1:0",
    body: { messages: [{ role: "user", content: [{ text: "Weather in Paris?" }] }], inferenceConfig: { maxTokens: 100, reasoningConfig: { type: "enabled", maxReasoningEffort: "low" } } },
    answer: (body) => body.output.message.content[0].text,
    streamed: (chunks) => joined(chunks, (chunk) => chunk.contentBlockDelta?.delta.text),
  },
  ...[
    ["qwen", "qwen.qwen3-32b-v1:0"],
    ["deepseek-v3", "us.deepseek.v3-v1:0"],
    ["minimax", "minimax.minimax-m2"],
    ["moonshot-kimi", "moonshot.kimi-k2-thinking"],
    ["zai-glm", "zai.glm-4.7-flash"],
    ["google-gemma", "google.gemma-3-27b-it"],
    ["nvidia-nemotron", "nvidia.nemotron-nano-12b-v2"],
  ].map(
    ([family, modelId]): FamilyCase => ({
      family: family ?? "",
      modelId: modelId ?? "",
      body: { messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Weather in Paris?" }], max_tokens: 100, response_format: { type: "text" } },
      answer: (body) => body.choices[0].message.content,
      streamed: (chunks) => joined(chunks, (chunk) => chunk.choices?.[0]?.delta?.content),
    }),
  ),
];

const ANSWER = "Sunny in Paris, 22 degrees.";

let emulator: Emulator;
let client: BedrockRuntimeClient;
beforeAll(async () => {
  emulator = await startEmulator();
  client = bedrockClient(emulator, "http1");
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
  // Answering through a rule on the user's words proves the family parsed the body into messages.
  emulator.addRule({ match: { text: "Weather in Paris?" }, reply: { text: ANSWER } });
});

function decode(bytes: Uint8Array | undefined): Json {
  return JSON.parse(Buffer.from(bytes ?? []).toString("utf8"));
}

describe.each(CASES)("$family through the AWS SDK", ({ modelId, body, answer, streamed }) => {
  it("InvokeModel answers in the native dialect with token headers", async () => {
    const response = await client.send(new InvokeModelCommand({ modelId, body: JSON.stringify(body), contentType: "application/json" }));
    expect(answer(decode(response.body))).toContain(ANSWER);
    expect(response.contentType).toBe("application/json");
    expect(emulator.requests.at(-1)).toMatchObject({ operation: "InvokeModel", modelId, response: { status: 200 } });
  });

  it.skipIf(streamed === undefined)("InvokeModelWithResponseStream streams native chunks ending with invocation metrics", async () => {
    const response = await client.send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify(body), contentType: "application/json" }));
    const chunks: Json[] = [];
    for await (const event of response.body ?? []) chunks.push(decode(event.chunk?.bytes));
    expect(chunks.length).toBeGreaterThan(1);
    expect(streamed?.(chunks)).toContain(ANSWER);
    const metrics = chunks.at(-1)?.["amazon-bedrock-invocationMetrics"];
    expect(metrics).toMatchObject({ inputTokenCount: expect.any(Number), outputTokenCount: expect.any(Number), invocationLatency: expect.any(Number) });
    expect(chunks.slice(0, -1).some((chunk) => "amazon-bedrock-invocationMetrics" in chunk)).toBe(false);
  });
});

describe("native validation over the wire", () => {
  it("answers an extraneous key with the service's ValidationException", async () => {
    const body = { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [], model: "claude-3-5-haiku" };
    const error = await client.send(new InvokeModelCommand({ modelId: "anthropic.claude-3-5-haiku-20241022-v1:0", body: JSON.stringify(body) })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as ValidationException).message).toBe("Malformed input request: #: extraneous key [model] is not permitted, please reformat your input and try again.");
    expect((error as ValidationException).$metadata.httpStatusCode).toBe(400);
  });

  it("refuses to stream Jurassic like the service", async () => {
    const error = await client
      .send(new InvokeModelWithResponseStreamCommand({ modelId: "ai21.j2-mid-v1", body: JSON.stringify({ prompt: "x" }) }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as ValidationException).message).toBe(STREAMING_UNSUPPORTED_MESSAGE);
  });

  it("reports the input and output token counts the body shows", async () => {
    const body = { inputText: "Weather in Paris?" };
    await client.send(new InvokeModelCommand({ modelId: "amazon.titan-text-lite-v1", body: JSON.stringify(body) }));
    const response = await fetch(`${emulator.url}/model/amazon.titan-text-lite-v1/invoke`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer t" }, body: JSON.stringify(body) });
    const native = (await response.json()) as Json;
    expect(response.headers.get("x-amzn-bedrock-input-token-count")).toBe(String(native.inputTextTokenCount));
    expect(response.headers.get("x-amzn-bedrock-output-token-count")).toBe(String(native.results[0].tokenCount));
  });
});

describe("embeddings through the AWS SDK", () => {
  it("Titan V2 answers deterministic vectors of the requested dimension with the input count header", async () => {
    const send = () => client.send(new InvokeModelCommand({ modelId: "amazon.titan-embed-text-v2:0", body: JSON.stringify({ inputText: "Hello World!", dimensions: 256 }) }));
    const first = decode((await send()).body);
    const second = decode((await send()).body);
    expect(first.embedding).toHaveLength(256);
    expect(first.embedding).toEqual(second.embedding);
    expect(first.inputTextTokenCount).toBe(3);
  });

  it("Cohere Embed echoes the request id and answers one vector per text", async () => {
    const response = await client.send(
      new InvokeModelCommand({ modelId: "cohere.embed-english-v3", body: JSON.stringify({ texts: ["Hello", "World"], input_type: "search_document" }) }),
    );
    const body = decode(response.body);
    expect(body.embeddings).toHaveLength(2);
    expect(body.id).toBe(response.$metadata.requestId);
    expect(body.texts).toEqual(["hello", "world"]);
  });

  it("Nova 2 multimodal embeddings answers one unit vector of the requested dimension", async () => {
    const body = { taskType: "SINGLE_EMBEDDING", singleEmbeddingParams: { embeddingPurpose: "GENERIC_INDEX", embeddingDimension: 384, text: { truncationMode: "END", value: "Hello World!" } } };
    const answer = decode((await client.send(new InvokeModelCommand({ modelId: "amazon.nova-2-multimodal-embeddings-v1:0", body: JSON.stringify(body) }))).body);
    expect(answer.embeddings).toHaveLength(1);
    expect(answer.embeddings[0].embeddingType).toBe("TEXT");
    expect(answer.embeddings[0].embedding).toHaveLength(384);
    expect(Math.hypot(...(answer.embeddings[0].embedding as number[]))).toBeCloseTo(1, 6);
    const wrong = await client
      .send(new InvokeModelCommand({ modelId: "amazon.nova-2-multimodal-embeddings-v1:0", body: JSON.stringify({ ...body, taskType: "SEGMENTED_EMBEDDING" }) }))
      .catch((caught: unknown) => caught);
    expect((wrong as ValidationException).message).toMatch(/^Malformed input request: #\/taskType: SEGMENTED_EMBEDDING is not a valid enum value/);
  });

  it("refuses to stream an embedding model", async () => {
    const error = await client
      .send(new InvokeModelWithResponseStreamCommand({ modelId: "amazon.titan-embed-text-v2:0", body: JSON.stringify({ inputText: "x" }) }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as ValidationException).message).toBe(STREAMING_UNSUPPORTED_MESSAGE);
  });
});
