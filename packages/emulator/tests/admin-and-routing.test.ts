import { ConverseCommand, CountTokensCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, postJson, userText } from "./helpers/clients.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    models: { "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/opaque": "anthropic.claude-3-5-haiku-20241022-v1:0" },
  });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

describe("routing", () => {
  it.each([
    "anthropic.claude-3-haiku-20240307-v1:0",
    "global.anthropic.claude-sonnet-4-6",
    "apac.amazon.nova-pro-v1:0",
    "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-tg1-large",
    "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/1arbu5hu2sjr",
    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0",
  ])("accepts %s through the SDK's path encoding", async (modelId) => {
    const client = bedrockClient(emulator);
    const response = await client.send(new ConverseCommand({ modelId, messages: [userText("hi")] }));
    expect(response.output?.message?.content).toEqual([{ text: "You said: hi" }]);
    expect(emulator.requests.at(-1)?.modelId).toBe(modelId);
    client.destroy();
  });

  it("answers an unknown model with the service's ValidationException", async () => {
    const response = await postJson(emulator, "/model/us.does-not-exist-model-v1%3A0/converse-stream", { messages: [userText("hi")] });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(response.text)).toEqual({ message: "The provided model identifier is invalid." });
  });

  it("treats an un-encoded ARN as an unknown operation, like the service", async () => {
    const response = await postJson(emulator, "/model/arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-tg1-large/invoke", {});
    expect(response.status).toBe(404);
    expect(JSON.parse(response.text)).toEqual({ Output: { __type: "com.amazon.coral.service#UnknownOperationException" }, Version: "1.0" });
    expect(emulator.requests.at(-1)?.operation).toBeUndefined();
  });

  it("counts tokens for a converse input", async () => {
    const client = bedrockClient(emulator);
    const response = await client.send(
      new CountTokensCommand({ modelId: "anthropic.claude-sonnet-4-20250514-v1:0", input: { converse: { messages: [userText("x".repeat(40))] } } }),
    );
    expect(response.inputTokens).toBe(10);
    client.destroy();
  });
});

describe("authorization", () => {
  it("accepts requests without verifying, and refuses a missing header when asked to", async () => {
    const strict = await startEmulator({ requireAuthorization: true });
    try {
      const path = "/model/amazon.nova-micro-v1%3A0/converse";
      const signed = await postJson(strict, path, { messages: [userText("hi")] }, { authorization: "Bearer anything" });
      expect(signed.status).toBe(200);
      const response = await fetch(`${strict.url}${path}`, { method: "POST", body: JSON.stringify({ messages: [userText("hi")] }) });
      expect(response.status).toBe(403);
      expect(response.headers.get("x-amzn-errortype")).toBe(
        "MissingAuthenticationTokenException:http://internal.amazon.com/coral/com.amazon.coral.service/",
      );
      expect(await response.json()).toEqual({ Message: "Authorization header is missing" });
    } finally {
      await strict.close();
    }
  });
});

describe("admin endpoints and inspection", () => {
  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}/__emulator/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it("records requests with operation, model, raw path, headers and parsed body", async () => {
    const client = bedrockClient(emulator);
    await client.send(new ConverseCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", messages: [userText("hi")] }));
    client.destroy();
    const [recorded] = emulator.requests;
    expect(recorded?.operation).toBe("Converse");
    expect(recorded?.rawPath).toBe("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
    expect(recorded?.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
    expect(recorded?.body).toEqual({ messages: [userText("hi")] });
    const listed = await admin("GET", "requests");
    expect((listed.json["requests"] as unknown[]).length).toBe(1);
  });

  it("scripts, queues turns, injects faults and resets over HTTP", async () => {
    expect((await admin("POST", "script", { rules: [{ match: { text: "ping" }, reply: { text: "pong" } }] })).status).toBe(200);
    expect((await admin("POST", "turns", { turns: [{ text: "queued" }] })).json).toEqual({ queued: 1 });
    expect((await admin("POST", "faults", { faults: [{ firstCalls: 1, effect: { type: "error", exception: "ThrottlingException" } }] })).status).toBe(200);
    const path = "/model/amazon.nova-micro-v1%3A0/converse";
    expect((await postJson(emulator, path, { messages: [userText("ping")] })).status).toBe(429);
    expect(JSON.parse((await postJson(emulator, path, { messages: [userText("ping")] })).text).output.message.content).toEqual([{ text: "queued" }]);
    expect(JSON.parse((await postJson(emulator, path, { messages: [userText("ping")] })).text).output.message.content).toEqual([{ text: "pong" }]);
    const faults = await admin("GET", "faults");
    expect((faults.json["faults"] as Array<{ fired: number }>)[0]?.fired).toBe(1);
    await admin("POST", "reset");
    expect(emulator.requests).toHaveLength(0);
    expect(emulator.faults).toHaveLength(0);
    expect(JSON.parse((await postJson(emulator, path, { messages: [userText("ping")] })).text).output.message.content).toEqual([{ text: "You said: ping" }]);
  });

  it("answers bad admin input with 400 and the reason", async () => {
    const response = await admin("POST", "faults", { effect: { type: "explode" } });
    expect(response.status).toBe(400);
    expect(response.json["error"]).toMatch(/effect\.type must be one of/);
  });
});
