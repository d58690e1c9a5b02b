import { describe, expect, it } from "vitest";
import { buildNovaRequest, normaliseNovaInferenceConfig } from "./amazon-nova-request.js";

describe("buildNovaRequest", () => {
  it("sends media as base64 and keeps tool blocks and toolConfig in Converse shape", () => {
    const body = buildNovaRequest({
      modelId: "amazon.nova-pro-v1:0",
      messages: [
        { role: "user", content: [{ image: { format: "jpeg", source: { bytes: new Uint8Array([255, 216]) } } }, { text: "What?" }] },
        { role: "assistant", content: [{ toolUse: { toolUseId: "t1", name: "look", input: { q: 1 } } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ json: { ok: true } }], status: "success" } }] },
      ],
      toolConfig: { tools: [{ toolSpec: { name: "look", inputSchema: { json: { type: "object" } } } }], toolChoice: { auto: {} } },
      inferenceConfig: { maxTokens: 10, stopSequences: ["END"] },
      additionalModelRequestFields: { inferenceConfig: { top_k: 5 } },
    });
    expect(body).toEqual({
      schemaVersion: "messages-v1",
      messages: [
        { role: "user", content: [{ image: { format: "jpeg", source: { bytes: "/9g=" } } }, { text: "What?" }] },
        { role: "assistant", content: [{ toolUse: { toolUseId: "t1", name: "look", input: { q: 1 } } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ json: { ok: true } }], status: "success" } }] },
      ],
      inferenceConfig: { maxTokens: 10, stopSequences: ["END"], topK: 5 },
      toolConfig: { tools: [{ toolSpec: { name: "look", inputSchema: { json: { type: "object" } } } }], toolChoice: { auto: {} } },
    });
  });

  it("normalises either spelling of the inference keys to one", () => {
    expect(normaliseNovaInferenceConfig({ max_new_tokens: 5, maxTokens: 6, top_p: 0.5, topK: 3 })).toEqual({ maxTokens: 6, topP: 0.5, topK: 3 });
  });
});
