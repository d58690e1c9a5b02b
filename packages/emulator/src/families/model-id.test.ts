import { describe, expect, it } from "vitest";
import { foundationModelId, modelIdMatcher } from "./model-id.js";

describe("foundationModelId", () => {
  it.each([
    ["anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0"],
    ["us.anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0"],
    ["eu.amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0"],
    ["apac.amazon.nova-pro-v1:0", "amazon.nova-pro-v1:0"],
    ["jp.anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0"],
    ["global.anthropic.claude-sonnet-4-6", "anthropic.claude-sonnet-4-6"],
    ["arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-tg1-large", "amazon.titan-tg1-large"],
    ["arn:aws:bedrock:us-east-1:012345678901:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0", "anthropic.claude-3-7-sonnet-20250219-v1:0"],
    ["arn:aws-us-gov:bedrock:us-gov-west-1:012345678901:inference-profile/us-gov.meta.llama3-8b-instruct-v1:0", "meta.llama3-8b-instruct-v1:0"],
    ["arn:aws:bedrock:us-east-1:012345678901:custom-model/amazon.titan-text-express-v1:0:8k/abc123", "amazon.titan-text-express-v1:0:8k"],
  ])("%s → %s", (modelId, expected) => {
    expect(foundationModelId(modelId)).toBe(expected);
  });

  it("leaves opaque identifiers alone", () => {
    const arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/1arbu5hu2sjr";
    expect(foundationModelId(arn)).toBe("1arbu5hu2sjr");
  });
});

describe("modelIdMatcher", () => {
  it("matches through profiles and ARNs but not other providers", () => {
    const matches = modelIdMatcher(/^meta\.llama/);
    expect(matches("us.meta.llama3-2-1b-instruct-v1:0")).toBe(true);
    expect(matches("arn:aws:bedrock:us-west-2::foundation-model/meta.llama3-70b-instruct-v1:0")).toBe(true);
    expect(matches("mistral.mistral-large-2407-v1:0")).toBe(false);
  });
});
