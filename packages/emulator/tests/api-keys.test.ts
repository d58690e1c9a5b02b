import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, postJson, userText } from "./helpers/clients.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: ["ABSKvalidkey", { key: "ABSKexpired", expiresAt: "2020-01-01T00:00:00Z" }, { key: "ABSKlater", expiresAt: "2999-01-01T00:00:00Z" }] });
});
afterAll(async () => {
  await emulator?.close();
});

/** A client authenticating with a Bedrock API key (bearer token), as the AWS SDK does for `AWS_BEARER_TOKEN_BEDROCK`. */
function keyClient(token: string): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    endpoint: emulator.url,
    region: "us-east-1",
    token: { token },
    authSchemePreference: ["httpBearerAuth"],
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler(),
  });
}

const converse = new ConverseCommand({ modelId: "amazon.nova-micro-v1:0", messages: [userText("Hi")] });

describe("Bedrock API keys", () => {
  it("accepts a configured key sent by the AWS SDK as Authorization: Bearer", async () => {
    emulator.reset();
    const client = keyClient("ABSKvalidkey");
    expect((await client.send(converse)).stopReason).toBe("end_turn");
    expect(emulator.requests.at(-1)?.headers["authorization"]).toBe("Bearer ABSKvalidkey");
    expect((await keyClient("ABSKlater").send(converse)).stopReason).toBe("end_turn");
    client.destroy();
  });

  it("refuses an unknown or expired key with the service's 403 body", async () => {
    for (const token of ["ABSKwrong", "ABSKexpired"]) {
      const raw = await postJson(emulator, "/model/amazon.nova-micro-v1%3A0/converse", { messages: [userText("Hi")] }, { authorization: `Bearer ${token}` });
      expect(raw.status).toBe(403);
      expect(JSON.parse(raw.text)).toEqual({ Message: "Authentication failed: Please make sure your API Key is valid." });
      expect(raw.headers.get("x-amzn-errortype")).toBeNull();
    }
    const failure = (await keyClient("ABSKexpired").send(converse).catch((error: unknown) => error)) as { $metadata: { httpStatusCode: number }; message: string };
    expect(failure.$metadata.httpStatusCode).toBe(403);
    expect(failure.message).toBe("Authentication failed: Please make sure your API Key is valid.");
  });

  it("leaves SigV4-signed requests alone", async () => {
    const client = bedrockClient(emulator);
    expect((await client.send(converse)).stopReason).toBe("end_turn");
    expect(emulator.requests.at(-1)?.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 /);
    client.destroy();
  });
});
