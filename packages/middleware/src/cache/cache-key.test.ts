import type { ModelRequest } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { responseCacheKey } from "./cache-key.js";
import { canonicalJson } from "./canonical-json.js";

const base: ModelRequest = {
  modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
  system: [{ text: "Be brief." }],
  messages: [{ role: "user", content: [{ text: "Hello" }] }],
  inferenceConfig: { maxTokens: 100, temperature: 0 },
};

describe("responseCacheKey", () => {
  it("ignores key order, cache points, metadata and performance settings", () => {
    const reordered: ModelRequest = {
      inferenceConfig: { temperature: 0, maxTokens: 100 },
      messages: [{ content: [{ text: "Hello" }, { cachePoint: { type: "default" } }], role: "user" }],
      system: [{ text: "Be brief." }, { cachePoint: { type: "default" } }],
      modelId: base.modelId,
      requestMetadata: { team: "support" },
      performanceConfig: { latency: "optimized" },
    };
    expect(responseCacheKey(reordered)).toBe(responseCacheKey(base));
  });

  it("changes with anything that changes the answer", () => {
    const key = responseCacheKey(base);
    const variants: ModelRequest[] = [
      { ...base, modelId: "amazon.nova-lite-v1:0" },
      { ...base, system: [{ text: "Be verbose." }] },
      { ...base, messages: [{ role: "user", content: [{ text: "Hello!" }] }] },
      { ...base, inferenceConfig: { maxTokens: 100, temperature: 0.5 } },
      { ...base, toolConfig: { tools: [{ toolSpec: { name: "clock", inputSchema: { json: {} } } }] } },
      { ...base, additionalModelRequestFields: { top_k: 5 } },
    ];
    const keys = variants.map(responseCacheKey);
    expect(new Set([key, ...keys]).size).toBe(variants.length + 1);
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level, drops undefined members and encodes bytes", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined], c: undefined }, e: new Uint8Array([1, 2]) })).toBe(
      '{"a":{"d":[1,null]},"b":1,"e":{"$bytes":"AQI="}}',
    );
  });
});
