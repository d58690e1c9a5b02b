import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "../src/index.js";
import { userText } from "./helpers/clients.js";

const modelId = "us.amazon.nova-lite-v1:0";
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("ready client options", () => {
  it("name the emulator's URL, a region and placeholder credentials", () => {
    expect(emulator.clientOptions).toEqual({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { accessKeyId: expect.any(String), secretAccessKey: expect.any(String) },
    });
  });

  it("are all an AWS SDK client needs to reach the emulator (default HTTP/2 transport)", async () => {
    emulator.enqueue({ text: "Hello from the emulator." });
    const client = new BedrockRuntimeClient({ ...emulator.clientOptions, maxAttempts: 1 });
    const response = await client.send(new ConverseCommand({ modelId, messages: [userText("Hi")] }));
    client.destroy();
    expect(response.output?.message?.content).toEqual([{ text: "Hello from the emulator." }]);
    expect(emulator.requests.map((request) => [request.operation, request.httpVersion])).toEqual([["Converse", "2.0"]]);
  });

  it("are a new object on every read, so changing one copy leaves the next alone", () => {
    const first = emulator.clientOptions;
    first.endpoint = "http://elsewhere.invalid";
    first.credentials.accessKeyId = "changed";
    expect(emulator.clientOptions.endpoint).toBe(emulator.url);
    expect(emulator.clientOptions.credentials.accessKeyId).not.toBe("changed");
  });
});

describe("the environment route", () => {
  it("sends an unconfigured AWS SDK client to the emulator through AWS_ENDPOINT_URL_BEDROCK_RUNTIME", async () => {
    for (const [name, value] of Object.entries(emulator.environment)) vi.stubEnv(name, value);
    vi.stubEnv("AWS_PROFILE", undefined);
    vi.stubEnv("AWS_BEARER_TOKEN_BEDROCK", undefined);
    const client = new BedrockRuntimeClient({ maxAttempts: 1 });
    const response = await client.send(new ConverseCommand({ modelId, messages: [userText("Where am I?")] }));
    client.destroy();
    expect(response.output?.message?.content).toEqual([{ text: "You said: Where am I?" }]);
    expect(emulator.requests).toHaveLength(1);
    expect(emulator.requests[0]?.headers["authorization"]).toContain(`Credential=${emulator.environment.AWS_ACCESS_KEY_ID}/`);
  });

  it("holds the same URL, region and credentials as the client options", () => {
    const { endpoint, region, credentials } = emulator.clientOptions;
    expect(emulator.environment).toEqual({
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: endpoint,
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    });
  });
});
