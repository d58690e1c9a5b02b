import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { MODEL_FAMILY_ADAPTERS, UnsupportedFeatureError, invokeModel, renderFeatureTable } from "../src/index.js";
import { recordedClient, type SentRequest } from "./recorded-client.js";
import { acmeTextAdapter } from "./recipe/acme-text-adapter.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const adapters = [...MODEL_FAMILY_ADAPTERS, acmeTextAdapter];
const request = {
  modelId: "acme.text-v1:0",
  messages: [{ role: "user" as const, content: [{ text: "Hi" }] }],
  inferenceConfig: { maxTokens: 20 },
};

function jsonResponse(body: unknown) {
  return { uri: "", requestBody: {}, requestHeaders: {}, responseText: "", status: 200, responseHeaders: { "content-type": "application/json", "x-amzn-bedrock-input-token-count": "3" }, responseBytes: new TextEncoder().encode(JSON.stringify(body)) };
}

// A client whose stream answers with these native chunks, as the SDK yields them.
function streamingClient(chunks: unknown[]): BedrockRuntimeClient {
  return {
    async send() {
      return {
        body: (async function* chunkEvents() {
          for (const chunk of chunks) yield { chunk: { bytes: new TextEncoder().encode(JSON.stringify(chunk)) } };
        })(),
      };
    },
  } as unknown as BedrockRuntimeClient;
}

describe("the add-a-family recipe in docs/providers.md", () => {
  it("is the code of tests/recipe/acme-text-adapter.ts, word for word", () => {
    const docs = readFileSync(path.resolve(here, "../../../docs/providers.md"), "utf8");
    const block = /<!-- recipe-code:start -->\n```ts\n([\s\S]*?)```\n<!-- recipe-code:end -->/.exec(docs)?.[1];
    const code = readFileSync(path.join(here, "recipe/acme-text-adapter.ts"), "utf8").replace('"../../src/index.js"', '"@sluice/providers"');
    expect(block).toBe(code);
  });

  it("runs a new family through InvokeModel, streamed and not, with its declared features enforced", async () => {
    const sent: SentRequest[] = [];
    const model = invokeModel({ client: recordedClient(jsonResponse({ completion: "Hello.", finish: "done", tokens: 2 }), sent), adapters });
    const response = await model.converse(request);
    expect(sent[0]?.body).toEqual({ prompt: "user: Hi", max_length: 20 });
    expect(response.output?.message?.content).toEqual([{ text: "Hello." }]);
    expect(response.usage).toEqual({ inputTokens: 3, outputTokens: 2, totalTokens: 5 });

    const streaming = invokeModel({
      client: streamingClient([{ delta: "Hel" }, { delta: "lo.", finish: "limit", "amazon-bedrock-invocationMetrics": { inputTokenCount: 3, outputTokenCount: 2 } }]),
      adapters,
    });
    const events = [];
    for await (const event of await streaming.converseStream(request)) events.push(event);
    expect(events.at(-2)).toEqual({ messageStop: { stopReason: "max_tokens" } });
    expect(events.at(-1)?.metadata?.usage).toEqual({ inputTokens: 3, outputTokens: 2, totalTokens: 5 });

    await expect(model.converse({ ...request, system: [{ text: "Be brief." }] })).rejects.toSatisfy(UnsupportedFeatureError.isInstance);
    expect(renderFeatureTable(adapters)).toContain("| Acme Text (`acme-text`) | yes | — | yes |");
  });
});
