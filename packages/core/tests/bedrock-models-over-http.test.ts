import { describe, expect, it } from "vitest";
import {
  Agent,
  BedrockError,
  ConfigurationError,
  createBedrockClient,
  createRedactor,
  inferenceProfileResolver,
  ModelCapabilityRegistry,
} from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const profileArn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/1arbu5hu2sjr";
const apiKey = "ABSKc2x1aWNlLXRlc3Qta2V5LWZvci1lbXVsYXRvcg==";

const handle = useEmulator({
  apiKeys: [apiKey],
  // The application profile of dd-trace-py's recording (shared/fixtures), declared with its recorded values.
  inferenceProfiles: [{ name: "dd-frmlo206", id: "1arbu5hu2sjr", model: "global.anthropic.claude-haiku-4-5-20251001-v1:0" }],
});

const keyClient = (key: string) => createBedrockClient({ endpoint: handle.emulator.url, region: "us-east-1", apiKey: key, maxAttempts: 1 });

describe("application inference profiles over HTTP", () => {
  it("resolves the profile's model with GetInferenceProfile, once, so its capabilities apply", async () => {
    const registry = new ModelCapabilityRegistry({ resolveProfile: inferenceProfileResolver({ client: handle.client() }) });
    expect(registry.get(profileArn).known).toBe(false);
    const resolved = await registry.resolve(profileArn);
    expect(resolved.baseModelId).toBe("anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(resolved.capabilities).toMatchObject({ known: true, nativeStructuredOutput: true, promptCaching: { ttls: ["5m", "1h"] } });
    await registry.resolve(profileArn);
    const lookups = handle.emulator.requests.filter((request) => request.rawPath.startsWith("/inference-profiles/"));
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.method).toBe("GET");
    expect(lookups[0]?.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 /);
  });

  it("resolves with an API key too, and reports an unknown profile as the service's error", async () => {
    const registry = new ModelCapabilityRegistry({ resolveProfile: inferenceProfileResolver({ client: keyClient(apiKey) }) });
    expect((await registry.resolve(profileArn)).baseModelId).toBe("anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(handle.emulator.requests.at(-1)?.headers["authorization"]).toBe(`Bearer ${apiKey}`);
    const missing = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/doesnotexist";
    await expect(registry.resolve(missing)).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  it("takes one source of client settings", () => {
    expect(() => inferenceProfileResolver({ client: handle.client(), clientOptions: {} })).toThrow(ConfigurationError);
  });
});

describe("Bedrock API keys as a client option", () => {
  it("sends the key as a bearer token instead of signing", async () => {
    const agent = new Agent({ modelId: "amazon.nova-micro-v1:0", client: keyClient(apiKey) });
    await agent.send("Hi");
    expect(handle.emulator.requests.at(-1)?.headers["authorization"]).toBe(`Bearer ${apiKey}`);
  });

  it("takes the key from AWS_BEARER_TOKEN_BEDROCK unless credentials are given", async () => {
    const previous = process.env["AWS_BEARER_TOKEN_BEDROCK"];
    process.env["AWS_BEARER_TOKEN_BEDROCK"] = apiKey;
    try {
      await new Agent({ modelId: "amazon.nova-micro-v1:0", clientOptions: { endpoint: handle.emulator.url, region: "us-east-1", maxAttempts: 1 } }).send("Hi");
      expect(handle.emulator.requests.at(-1)?.headers["authorization"]).toBe(`Bearer ${apiKey}`);
      await new Agent({ modelId: "amazon.nova-micro-v1:0", client: handle.client() }).send("Hi");
      expect(handle.emulator.requests.at(-1)?.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 /);
    } finally {
      if (previous === undefined) delete process.env["AWS_BEARER_TOKEN_BEDROCK"];
      else process.env["AWS_BEARER_TOKEN_BEDROCK"] = previous;
    }
  });

  it("fails a rejected key as a BedrockError whose logged form has no key", async () => {
    const wrong = "ABSKd3Jvbmcta2V5LW5vdC1jb25maWd1cmVkLWhlcmU=";
    const error = await new Agent({ modelId: "amazon.nova-micro-v1:0", client: keyClient(wrong) }).send("Hi").catch((caught: unknown) => caught);
    expect(BedrockError.isInstance(error)).toBe(true);
    expect((error as BedrockError).httpStatus).toBe(403);
    const redact = createRedactor();
    const logged = JSON.stringify(redact({ error: String(error), options: { apiKey: wrong }, header: `Authorization: Bearer ${wrong}` }));
    expect(logged).not.toContain(wrong);
  });

  it("refuses a blank key or a key together with credentials", () => {
    expect(() => new Agent({ modelId: "amazon.nova-micro-v1:0", clientOptions: { apiKey: " " } })).toThrow(/apiKey must be a non-empty string/);
    expect(() => createBedrockClient({ apiKey, credentials: { accessKeyId: "a", secretAccessKey: "b" } })).toThrow(/either clientOptions.apiKey or clientOptions.credentials/);
  });
});

describe("service tier per agent", () => {
  it("sends the agent's serviceTier on every call and the service echoes it", async () => {
    const agent = new Agent({ modelId: "amazon.nova-micro-v1:0", client: handle.client(), serviceTier: "flex" });
    await agent.send("Hi");
    expect(handle.emulator.requests.at(-1)?.body).toMatchObject({ serviceTier: { type: "flex" } });
  });

  it("refuses an unknown tier before any call", () => {
    expect(() => new Agent({ modelId: "amazon.nova-micro-v1:0", serviceTier: "fast" as never })).toThrow(/serviceTier is "fast"/);
  });
});
