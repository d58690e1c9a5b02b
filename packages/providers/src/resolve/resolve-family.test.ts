import { describe, expect, it } from "vitest";
import { ConfigurationError } from "@sluice/core";
import { MODEL_FAMILY_ADAPTERS } from "../families/model-family-adapters.js";
import { resolveFamily } from "./resolve-family.js";

const familyOf = (modelId: string, family?: string) => resolveFamily(modelId, family, MODEL_FAMILY_ADAPTERS).adapter.family;

describe("resolveFamily", () => {
  it.each([
    ["us.anthropic.claude-sonnet-4-20250514-v1:0", "anthropic-claude"],
    ["us.anthropic.claude-sonnet-4-6", "anthropic-claude"],
    ["amazon.nova-pro-v1:0", "amazon-nova"],
    ["us.amazon.nova-2-lite-v1:0", "amazon-nova"],
    ["amazon.titan-text-premier-v1:0", "amazon-titan-text"],
    ["amazon.titan-tg1-large", "amazon-titan-text"],
    ["us.meta.llama4-maverick-17b-instruct-v1:0", "meta-llama"],
    ["mistral.mistral-large-2407-v1:0", "mistral-chat"],
    ["us.mistral.pixtral-large-2502-v1:0", "mistral-chat"],
    ["mistral.mistral-large-2402-v1:0", "mistral"],
    ["mistral.mixtral-8x7b-instruct-v0:1", "mistral"],
    ["cohere.command-r-plus-v1:0", "cohere-command-r"],
    ["cohere.command-light-text-v14", "cohere-command-text"],
    ["ai21.jamba-1-5-large-v1:0", "ai21-jamba"],
    ["ai21.j2-ultra-v1", "ai21-jurassic"],
    ["us.deepseek.r1-v1:0", "deepseek"],
    ["openai.gpt-oss-20b-1:0", "openai-gpt-oss"],
    ["arn:aws:bedrock:us-east-1::foundation-model/cohere.command-r-v1:0", "cohere-command-r"],
  ])("%s → %s", (modelId, family) => {
    expect(familyOf(modelId)).toBe(family);
  });

  it("takes the explicit family for ARNs that name none, and over the model ID", () => {
    expect(familyOf("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc", "amazon-nova")).toBe("amazon-nova");
    const resolved = resolveFamily("arn:aws:bedrock:us-east-1:123456789012:imported-model/abc", "meta-llama", MODEL_FAMILY_ADAPTERS);
    expect(resolved.baseModelId).toBeUndefined();
  });

  it("explains a missing, unknown or unrecognised family", () => {
    const missing = () => familyOf("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc");
    expect(missing).toThrow(ConfigurationError);
    expect(missing).toThrow(/provisioned-model ARN, which does not say which model family.*"anthropic-claude"/);
    expect(() => familyOf("amazon.nova-lite-v1:0", "nova")).toThrow(/Unknown model family "nova".*"amazon-nova"/);
    expect(() => familyOf("stability.sd3-large-v1:0")).toThrow(/No model family adapter recognises.*stability\.sd3/);
    expect(() => familyOf("")).toThrow(/non-empty string/);
  });
});
