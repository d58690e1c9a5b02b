import { describe, expect, it } from "vitest";
import { families, resolveFamily, UnknownFamilyError } from "./resolve-family.js";

describe("resolveFamily", () => {
  it.each([
    ["anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic-claude"],
    ["us.anthropic.claude-3-sonnet-20240229-v1:0", "anthropic-claude"],
    ["anthropic.claude-instant-v1", "anthropic-claude-text-completion"],
    ["amazon.nova-lite-v1:0", "amazon-nova"],
    ["arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-tg1-large", "amazon-titan-text"],
    ["amazon.titan-embed-text-v2:0", "amazon-titan-embeddings"],
    ["meta.llama2-13b-chat-v1", "meta-llama"],
    ["us.meta.llama4-maverick-17b-instruct-v1:0", "meta-llama"],
    ["mistral.mistral-large-2407-v1:0", "mistral"],
    ["cohere.command-r-plus-v1:0", "cohere-command"],
    ["cohere.command-light-text-v14", "cohere-command-legacy"],
    ["cohere.embed-multilingual-v3", "cohere-embed"],
    ["ai21.jamba-1-5-mini-v1:0", "ai21-jamba"],
    ["ai21.j2-mid-v1", "ai21-jurassic"],
    ["us.deepseek.r1-v1:0", "deepseek"],
    ["openai.gpt-oss-20b-1:0", "openai-gpt-oss"],
  ])("%s → %s", (modelId, name) => {
    expect(resolveFamily(modelId)?.name).toBe(name);
  });

  it("gives every model ID at most one family", () => {
    const ids = ["anthropic.claude-v2:1", "amazon.titan-embed-g1-text-02", "cohere.embed-english-v3", "meta.llama3-70b-instruct-v1:0"];
    for (const id of ids) expect(families.filter((family) => family.matches(id))).toHaveLength(1);
  });

  it("returns undefined for models it does not know", () => {
    expect(resolveFamily("stability.sd3-large-v1:0")).toBeUndefined();
    expect(resolveFamily("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/1arbu5hu2sjr")).toBeUndefined();
  });

  it("maps opaque ARNs through overrides and reports unknown family names", () => {
    const arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/1arbu5hu2sjr";
    expect(resolveFamily(arn, { [arn]: "amazon-nova" })?.name).toBe("amazon-nova");
    expect(() => resolveFamily(arn, { [arn]: "claude" })).toThrow(UnknownFamilyError);
    expect(() => resolveFamily(arn, { [arn]: "claude" })).toThrow(/Use one of: anthropic-claude,/);
  });

  it("has unique family names", () => {
    expect(new Set(families.map((family) => family.name)).size).toBe(families.length);
  });
});
