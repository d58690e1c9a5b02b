import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigurationError, createBedrockClient } from "@sluice/core";
import { type Emulator, startEmulator } from "@sluice/emulator";
import { embed } from "../src/index.js";
import { fixturesPresent, loadCassette } from "./fixtures.js";
import { firstInteraction, recordedClient, type SentRequest } from "./recorded-client.js";

let emulator: Emulator;
let client: ReturnType<typeof createBedrockClient>;

beforeAll(async () => {
  emulator = await startEmulator();
  client = createBedrockClient({ endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" }, maxAttempts: 1 });
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));

describe("embed() against the emulator", () => {
  for (const dimensions of [256, 512, 1024]) {
    it(`Titan Text Embeddings V2 returns ${dimensions}-dimension unit vectors, one per text, in order`, async () => {
      emulator.clearRequests();
      const result = await embed(client, { modelId: "amazon.titan-embed-text-v2:0", input: ["alpha", "beta", "alpha"], dimensions });
      expect(result.family).toBe("amazon-titan-embed");
      expect(result.dimensions).toBe(dimensions);
      expect(result.embeddings).toHaveLength(3);
      for (const vector of result.embeddings) {
        expect(vector).toHaveLength(dimensions);
        expect(norm(vector)).toBeCloseTo(1, 5);
      }
      // Same text, same vector: the order of the answers follows the order of the inputs.
      expect(result.embeddings[2]).toEqual(result.embeddings[0]);
      expect(result.embeddings[1]).not.toEqual(result.embeddings[0]);
      expect(emulator.requests).toHaveLength(3);
      expect(emulator.requests[0]?.body).toEqual({ inputText: expect.any(String), dimensions });
      expect(result.inputTokens).toBeGreaterThan(0);
    });
  }

  it("Cohere Embed v3 batches 96 texts per call and returns 1024-dimension vectors", async () => {
    emulator.clearRequests();
    const input = Array.from({ length: 100 }, (_, index) => `document number ${index}`);
    const result = await embed(client, { modelId: "cohere.embed-english-v3", input, inputType: "search_query" });
    expect(result.embeddings).toHaveLength(100);
    expect(result.dimensions).toBe(1024);
    expect(result.embeddings.every((vector) => vector.length === 1024)).toBe(true);
    expect(emulator.requests.map((request) => (request.body as { texts: string[] }).texts.length)).toEqual([96, 4]);
    expect((emulator.requests[0]?.body as { input_type: string }).input_type).toBe("search_query");
  });

  it("Cohere Embed v4 returns vectors of the requested output dimension", async () => {
    const result = await embed(client, { modelId: "cohere.embed-v4:0", input: "hello", dimensions: 512 });
    expect(result.embeddings[0]).toHaveLength(512);
  });

  it("refuses a dimension the model does not make, before any call", async () => {
    emulator.clearRequests();
    await expect(embed(client, { modelId: "amazon.titan-embed-text-v2:0", input: "x", dimensions: 300 })).rejects.toThrow(/1024, 512, 256 dimensions, not 300/);
    await expect(embed(client, { modelId: "cohere.embed-english-v3", input: "x", dimensions: 256 })).rejects.toSatisfy(ConfigurationError.isInstance);
    await expect(embed(client, { modelId: "amazon.titan-embed-text-v2:0", input: [] })).rejects.toThrow(/at least one input/);
    await expect(embed(client, { modelId: "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc", input: "x" })).rejects.toThrow(
      /"amazon-titan-embed", "amazon-nova-embed", "cohere-embed"/,
    );
    expect(emulator.requests).toHaveLength(0);
  });
});

describe.skipIf(!fixturesPresent)("embed() against recorded Bedrock traffic", () => {
  it("Titan Text Embeddings V1: the recorded body and its 1536-dimension vector", async () => {
    const interaction = firstInteraction(loadCassette("dd-trace-py-bedrock-cassettes/amazon_embedding.yaml"));
    const sent: SentRequest[] = [];
    const result = await embed(recordedClient(interaction, sent), { modelId: "amazon.titan-embed-text-v1", input: "Hello World!" });
    expect(sent[0]?.body).toEqual(interaction.requestBody);
    expect(result.dimensions).toBe(1536);
    expect(result.embeddings[0]?.[0]).toBe(0.45703125);
    expect(result.inputTokens).toBe(3);
  });

  it("Cohere Embed v3: the recorded body, two 1024-dimension vectors, tokens from the header", async () => {
    const interaction = firstInteraction(loadCassette("dd-trace-py-bedrock-cassettes/cohere_embedding.yaml"));
    const sent: SentRequest[] = [];
    const result = await embed(recordedClient(interaction, sent), {
      modelId: "cohere.embed-english-v3",
      input: ["Hello World!", "Goodbye cruel world!"],
    });
    expect(sent[0]?.body).toEqual(interaction.requestBody);
    expect(result.embeddings).toHaveLength(2);
    expect(result.embeddings[0]?.[0]).toBe(-0.041503906);
    expect(result.dimensions).toBe(1024);
    expect(result.inputTokens).toBe(7);
  });

  it("Nova 2 multimodal embeddings: the recorded single-embedding body and its 256-dimension vector", async () => {
    const interaction = firstInteraction(loadCassette("pydantic-ai-bedrock-cassettes/TestBedrock.test_nova_with_dimensions.yaml"));
    const sent: SentRequest[] = [];
    const result = await embed(recordedClient(interaction, sent), {
      modelId: "amazon.nova-2-multimodal-embeddings-v1:0",
      input: "Test Nova dimensions",
      dimensions: 256,
      inputType: "search_query",
      truncate: "NONE",
    });
    expect(sent[0]?.body).toEqual(interaction.requestBody);
    expect(result.family).toBe("amazon-nova-embed");
    expect(result.dimensions).toBe(256);
    expect(result.embeddings[0]?.[0]).toBe(-0.109526575);
    expect(result.inputTokens).toBe(18);
  });
});
