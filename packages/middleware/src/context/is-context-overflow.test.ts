import { BedrockError } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { isContextOverflowError } from "./is-context-overflow.js";

describe("isContextOverflowError", () => {
  it("recognises the overflow messages Bedrock sends", () => {
    for (const message of [
      "Input is too long for requested model.",
      "The model returned the following errors: prompt is too long: 227255 tokens > 200000 maximum",
      "Too many input tokens. Max input tokens: 8192, request input token count: 9000",
      "The model returned the following errors: input length and `max_tokens` exceed context limit: 90402 + 116650 > 204648, decrease input length or `max_tokens` and try again",
    ]) {
      expect(isContextOverflowError(new BedrockError("ValidationException", message)), message).toBe(true);
      expect(isContextOverflowError(new BedrockError("ValidationException", message, { inStream: true }))).toBe(true);
    }
  });

  it("does not mistake other errors for an overflow", () => {
    expect(isContextOverflowError(new BedrockError("ValidationException", "The provided model identifier is invalid."))).toBe(false);
    expect(isContextOverflowError(new BedrockError("ThrottlingException", "Input is too long for requested model."))).toBe(false);
    expect(isContextOverflowError(new Error("Input is too long for requested model."))).toBe(false);
  });
});
