import {
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  ModelStreamErrorException,
  ValidationException,
} from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NativeBodyError, startEmulator } from "../src/index.js";
import type { Emulator, ModelFamily } from "../src/index.js";
import { bedrockClient, postJson, transports } from "./helpers/clients.js";
import { decodeFrames, describeFrame } from "./helpers/decode-frames.js";

/** A minimal native dialect: `{"prompt": "…"}` in, `{"completion": "…"}` out, one chunk per text block. */
const echoFamily: ModelFamily = {
  name: "test-echo",
  matches: (modelId) => modelId.includes("test.echo"),
  parseRequest(body) {
    const prompt = (body as { prompt?: unknown }).prompt;
    if (typeof prompt !== "string") throw new NativeBodyError("Malformed input request: #: required key [prompt] not found, please reformat your input and try again.");
    return { messages: [{ role: "user", content: [{ text: prompt }] }] };
  },
  renderResponse: (turn) => ({ completion: turn.content.map((block) => block.text ?? "").join(""), stop: turn.stopReason }),
  renderStream: (turn, context) => [
    ...turn.content.map((block) => ({ completion: block.text ?? "" })),
    { stop: turn.stopReason, "amazon-bedrock-invocationMetrics": context.invocationMetrics },
  ],
};
const embeddingFamily: ModelFamily = {
  name: "test-embed",
  embedding: true,
  matches: (modelId) => modelId.includes("test.embed"),
  parseRequest: () => ({}),
  renderResponse: () => {
    throw new Error("embeddings have no turn");
  },
  renderStream: () => [],
  embed: (body) => ({ body: { embedding: [0.5, 0.25], echoed: body }, inputTokens: 3 }),
};

const modelId = "test.echo-v1:0";
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ families: [echoFamily, embeddingFamily], modelCapabilities: { [modelId]: { countTokens: true } } });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

describe.each(transports)("InvokeModel plumbing through the AWS SDK over %s", (transport) => {
  it("renders the family's body with token headers, accepting the SDK's default octet-stream content type", async () => {
    const client = bedrockClient(emulator, transport);
    const response = await client.send(new InvokeModelCommand({ modelId, body: JSON.stringify({ prompt: "hello" }) }));
    expect(JSON.parse(Buffer.from(response.body).toString("utf8"))).toEqual({ completion: "You said: hello", stop: "end_turn" });
    expect(response.contentType).toBe("application/json");
    expect(emulator.requests.at(-1)?.headers["content-type"]).toBe("application/octet-stream");
    client.destroy();
  });

  it("streams chunk frames the SDK decodes to the family's native chunks", async () => {
    emulator.enqueue({ content: [{ text: "one" }, { text: "two" }] });
    const client = bedrockClient(emulator, transport);
    const response = await client.send(
      new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ prompt: "x" }), contentType: "application/json", accept: "application/json" }),
    );
    const chunks: unknown[] = [];
    for await (const event of response.body ?? []) chunks.push(JSON.parse(Buffer.from(event.chunk?.bytes ?? []).toString("utf8")));
    expect(chunks.slice(0, 2)).toEqual([{ completion: "one" }, { completion: "two" }]);
    expect(chunks[2]).toMatchObject({ stop: "end_turn", "amazon-bedrock-invocationMetrics": { inputTokenCount: 1, outputTokenCount: 2 } });
    expect(response.contentType).toBe("application/json");
    expect(emulator.requests.at(-1)?.headers["x-amzn-bedrock-accept"]).toBe("application/json");
    client.destroy();
  });
});

describe("InvokeModel wire format", () => {
  it("sends token-count and latency headers and echoes performance settings", async () => {
    const response = await postJson(emulator, `/model/${modelId}/invoke`, { prompt: "hi" }, { "X-Amzn-Bedrock-PerformanceConfig-Latency": "optimized" });
    expect(response.headers.get("x-amzn-bedrock-input-token-count")).toBe("1");
    expect(response.headers.get("x-amzn-bedrock-output-token-count")).toBe("3");
    expect(Number(response.headers.get("x-amzn-bedrock-invocation-latency"))).toBeGreaterThanOrEqual(1);
    expect(response.headers.get("x-amzn-bedrock-performanceconfig-latency")).toBe("optimized");
  });

  it("frames chunks as {bytes, p} and sets X-Amzn-Bedrock-Content-Type", async () => {
    const response = await postJson(emulator, `/model/${modelId}/invoke-with-response-stream`, { prompt: "hi" });
    expect(response.headers.get("content-type")).toBe("application/vnd.amazon.eventstream");
    expect(response.headers.get("x-amzn-bedrock-content-type")).toBe("application/json");
    const [first] = decodeFrames(response.bytes).map(describeFrame);
    expect(first?.headers[":event-type"]).toBe("chunk");
    expect(Object.keys(first?.payload ?? {})).toEqual(["bytes", "p"]);
    expect(JSON.parse(Buffer.from(String(first?.payload["bytes"]), "base64").toString("utf8"))).toEqual({ completion: "You said: hi" });
  });

  it("answers a refused native body with the family's ValidationException message", async () => {
    const client = bedrockClient(emulator);
    const error = await client.send(new InvokeModelCommand({ modelId, body: JSON.stringify({ text: "x" }) })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe("Malformed input request: #: required key [prompt] not found, please reformat your input and try again.");
    client.destroy();
  });

  it("serves embeddings without a turn and refuses to stream them", async () => {
    const response = await postJson(emulator, "/model/test.embed-v1/invoke", { inputText: "a" });
    expect(JSON.parse(response.text)).toEqual({ embedding: [0.5, 0.25], echoed: { inputText: "a" } });
    expect(response.headers.get("x-amzn-bedrock-input-token-count")).toBe("3");
    expect(response.headers.get("x-amzn-bedrock-output-token-count")).toBeNull();
    const refused = await postJson(emulator, "/model/test.embed-v1/invoke-with-response-stream", { inputText: "a" });
    expect(JSON.parse(refused.text)).toEqual({ message: "The model is unsupported for streaming." });
  });

  it("delivers an in-stream exception on InvokeModelWithResponseStream", async () => {
    emulator.injectFault({ operations: ["InvokeModelWithResponseStream"], effect: { type: "stream-error", exception: "ModelStreamErrorException", afterEvents: 1 } });
    const client = bedrockClient(emulator);
    const response = await client.send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ prompt: "x" }) }));
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const event of response.body ?? []) seen.push(event);
    })().catch((caught: unknown) => caught);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(ModelStreamErrorException);
    client.destroy();
  });

  it("counts tokens of an invokeModel input through the family", async () => {
    const client = bedrockClient(emulator);
    const body = new TextEncoder().encode(JSON.stringify({ prompt: "x".repeat(21) }));
    const response = await client.send(new CountTokensCommand({ modelId, input: { invokeModel: { body } } }));
    expect(response.inputTokens).toBe(6);
    client.destroy();
  });

  it("refuses CountTokens for a model that does not count tokens", async () => {
    const client = bedrockClient(emulator);
    const body = new TextEncoder().encode(JSON.stringify({ inputText: "x" }));
    const failure = await client.send(new CountTokensCommand({ modelId: "test.embed-v1", input: { invokeModel: { body } } })).catch((error: unknown) => error as Error);
    expect((failure as Error).message).toBe("The provided model doesn't support counting tokens.");
    client.destroy();
  });
});

describe("InvokeModel with the built-in families", () => {
  it("answers a Claude Messages body through the default registry", async () => {
    const builtIn = await startEmulator();
    try {
      const client = bedrockClient(builtIn);
      const response = await client.send(
        new InvokeModelCommand({
          modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
          contentType: "application/json",
          body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 50, messages: [{ role: "user", content: "ping" }] }),
        }),
      );
      const body = JSON.parse(Buffer.from(response.body).toString("utf8")) as { content: Array<{ text: string }> };
      expect(body.content[0]?.text).toBe("You said: ping");
      client.destroy();
    } finally {
      await builtIn.close();
    }
  });
});
