import { describe, expect, it } from "vitest";
import { NativeBodyError } from "./model-family.js";
import { assertBody, malformedInputMessage, schemaViolations, type BodySchema } from "./native-body-schema.js";

const schema: BodySchema = {
  required: ["prompt", "max_tokens"],
  properties: {
    prompt: { type: "string" },
    max_tokens: { type: "integer", minimum: 1, maximum: 2048 },
    stop: { type: "array", maxItems: 2, items: { type: "string" } },
    mode: { type: "string", enum: ["fast", "slow"] },
    config: { type: "object", properties: { topK: { type: "integer" } } },
    system: { type: ["string", "array"] },
  },
};

describe("schemaViolations", () => {
  it("reports missing keys before extraneous ones, like the service", () => {
    expect(schemaViolations({ inferenceConfig: {} }, { type: "object", ...schema })).toEqual([
      "#: required key [prompt] not found",
      "#: required key [max_tokens] not found",
      "#: extraneous key [inferenceConfig] is not permitted",
    ]);
  });

  it("names the JSON pointer path and the Java type names", () => {
    expect(schemaViolations({ prompt: 3, max_tokens: "9", stop: ["a", 1], config: { topK: 1.5 } }, { type: "object", ...schema })).toEqual([
      "#/prompt: expected type: String, found: Integer",
      "#/max_tokens: expected type: Integer, found: String",
      "#/stop/1: expected type: String, found: Integer",
      "#/config/topK: expected type: Integer, found: Number",
    ]);
  });

  it("checks bounds, item counts, enums and union types", () => {
    expect(schemaViolations({ prompt: "x", max_tokens: 8192, stop: ["a", "b", "c"], mode: "warp", system: 5 }, { type: "object", ...schema })).toEqual([
      "#/max_tokens: 8192 is not less or equal to 2048",
      "#/stop: expected maximum item count: 2, found: 3",
      "#/mode: warp is not a valid enum value",
      "#/system: expected type: one of [String, JSONArray], found: Integer",
    ]);
  });

  it("accepts a valid body", () => {
    expect(schemaViolations({ prompt: "x", max_tokens: 5, system: [] }, { type: "object", ...schema })).toEqual([]);
  });
});

describe("assertBody", () => {
  it("throws NativeBodyError with the service's full sentence", () => {
    expect(() => assertBody({ prompt: "x", max_tokens: 1, extra: true }, schema)).toThrow(NativeBodyError);
    expect(() => assertBody({ prompt: "x", max_tokens: 1, extra: true }, schema)).toThrow(
      "Malformed input request: #: extraneous key [extra] is not permitted, please reformat your input and try again.",
    );
  });

  it("refuses a body that is not an object", () => {
    expect(() => assertBody([1], schema)).toThrow("#: expected type: JSONObject, found: JSONArray");
  });

  it("joins several violations without separators", () => {
    expect(malformedInputMessage(["#: a", "#: b"])).toBe("Malformed input request: #: a#: b, please reformat your input and try again.");
  });
});
