import { describe, expect, it } from "vitest";
import { ModelCatalog } from "./model-catalog.js";
import { parseModelIdentifier } from "./model-identifier.js";

describe("parseModelIdentifier", () => {
  it("reads base IDs, inference profiles and ARNs", () => {
    expect(parseModelIdentifier("eu.anthropic.claude-3-7-sonnet-20250219-v1:0")?.baseModelId).toBe("anthropic.claude-3-7-sonnet-20250219-v1:0");
    expect(parseModelIdentifier("arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-tg1-large")).toMatchObject({
      arnResourceType: "foundation-model",
      baseModelId: "amazon.titan-tg1-large",
    });
    expect(parseModelIdentifier("arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12345:1")?.isPrompt).toBe(true);
    expect(parseModelIdentifier("arn:aws:s3:::bucket/key")).toBeUndefined();
    expect(parseModelIdentifier("has space")).toBeUndefined();
  });
});

describe("ModelCatalog", () => {
  it("knows IDs of known providers, ARNs and mapped IDs, not arbitrary names", () => {
    const catalog = new ModelCatalog(() => undefined, { "custom-alias": "anthropic.claude-3-haiku-20240307-v1:0" });
    expect(catalog.resolve("qwen.qwen3-32b-v1:0")).toBeDefined();
    expect(catalog.resolve("us.does-not-exist-model-v1:0")).toBeUndefined();
    expect(catalog.resolve("unknownvendor.model-v1")).toBeUndefined();
    expect(catalog.resolve("custom-alias")?.baseModelId).toBe("anthropic.claude-3-haiku-20240307-v1:0");
    expect(catalog.resolve("arn:aws:bedrock:us-west-2:123456789012:provisioned-model/abc")).toBeDefined();
  });
});
