import { startEmulator, type Emulator } from "@sluice/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Agent, createBedrockClient } from "../src/index.js";

// Pointing an agent at the emulator is one option: `clientOptions: emulator.clientOptions`, or,
// with no change to the program, the AWS SDK's AWS_ENDPOINT_URL_BEDROCK_RUNTIME variable.
const modelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
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

describe("an Agent pointed at the emulator", () => {
  it("runs with clientOptions: emulator.clientOptions", async () => {
    emulator.enqueue({ text: "Hello, newcomer." });
    const agent = new Agent({ modelId, clientOptions: emulator.clientOptions });
    expect((await agent.send("Hi")).text).toBe("Hello, newcomer.");
    expect(emulator.requests.map((request) => request.operation)).toEqual(["Converse"]);
  });

  it("runs with a client from createBedrockClient(emulator.clientOptions)", async () => {
    const client = createBedrockClient({ ...emulator.clientOptions, maxAttempts: 1 });
    const agent = new Agent({ modelId, client });
    let streamed = "";
    for await (const event of agent.stream("Stream this")) if (event.type === "text-delta") streamed += event.text;
    client.destroy();
    expect(streamed).toBe("You said: Stream this");
    expect(emulator.requests.map((request) => [request.operation, request.httpVersion])).toEqual([["ConverseStream", "1.1"]]);
  });

  it("runs unchanged under AWS_ENDPOINT_URL_BEDROCK_RUNTIME (Sluice's own client leaves the endpoint to the SDK)", async () => {
    for (const [name, value] of Object.entries(emulator.environment)) vi.stubEnv(name, value);
    vi.stubEnv("AWS_PROFILE", undefined);
    vi.stubEnv("AWS_BEARER_TOKEN_BEDROCK", undefined);
    const agent = new Agent({ modelId });
    expect((await agent.send("Which endpoint?")).text).toBe("You said: Which endpoint?");
    const withRegion = new Agent({ modelId, clientOptions: { region: "us-east-1" } });
    expect((await withRegion.send("And now?")).text).toBe("You said: And now?");
    expect(emulator.requests).toHaveLength(2);
  });
});
