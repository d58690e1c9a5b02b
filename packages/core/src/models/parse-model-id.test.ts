import { describe, expect, it } from "vitest";
import { parseModelId } from "./parse-model-id.js";

describe("parseModelId", () => {
  it.each([
    ["anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0", "base"],
    ["us.anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0", "inference-profile"],
    ["eu.amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0", "inference-profile"],
    ["apac.meta.llama3-2-1b-instruct-v1:0", "meta.llama3-2-1b-instruct-v1:0", "inference-profile"],
    ["global.anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0", "inference-profile"],
    ["arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-tg1-large", "amazon.titan-tg1-large", "foundation-model"],
    [
      "arn:aws:bedrock:us-east-1:012345678901:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0",
      "anthropic.claude-3-7-sonnet-20250219-v1:0",
      "inference-profile",
    ],
    ["arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/ly16hhi765j4", "amazon.titan-text-express-v1:0", "custom-model"],
  ])("%s names %s", (modelId, baseModelId, kind) => {
    expect(parseModelId(modelId)).toMatchObject({ baseModelId, kind });
  });

  it.each([
    ["arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123", "provisioned-model"],
    ["arn:aws:bedrock:us-east-1:123456789012:imported-model/abc123", "imported-model"],
    ["arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/1arbu5hu2sjr", "application-inference-profile"],
    ["arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12345:1", "prompt"],
    ["arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abc", "custom-model-deployment"],
  ])("%s names no model", (modelId, kind) => {
    expect(parseModelId(modelId)).toMatchObject({ baseModelId: undefined, kind });
  });
});

describe("parseModelId geography and region", () => {
  it("reports the profile's geography and the ARN's region", () => {
    expect(parseModelId("global.anthropic.claude-haiku-4-5-20251001-v1:0")).toEqual({
      baseModelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
      kind: "inference-profile",
      geography: "global",
    });
    expect(parseModelId("arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.amazon.nova-lite-v1:0")).toEqual({
      baseModelId: "amazon.nova-lite-v1:0",
      kind: "inference-profile",
      geography: "eu",
      region: "eu-west-1",
    });
    // As recorded in GetInferenceProfile's models: a foundation-model ARN without a region.
    expect(parseModelId("arn:aws:bedrock:::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0")).toEqual({
      baseModelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
      kind: "foundation-model",
    });
  });
});
