import { describe, expect, it } from "vitest";
import { sampleInput } from "./sample-input.js";

describe("sampleInput", () => {
  it("fills required properties from defaults, examples, enums and types", () => {
    expect(
      sampleInput({
        type: "object",
        properties: {
          city: { type: "string" },
          unit: { enum: ["c", "f"] },
          days: { type: "integer", minimum: 3 },
          detail: { type: "boolean", default: false },
          tags: { type: "array", items: { type: "string" } },
          where: { type: "object", properties: { lat: { type: "number" } }, required: ["lat"] },
          optional: { type: "string" },
        },
        required: ["city", "unit", "days", "detail", "tags", "where"],
      }),
    ).toEqual({ city: "example", unit: "c", days: 3, detail: false, tags: [], where: { lat: 1 } });
  });

  it("gives an empty object for a tool without parameters", () => {
    expect(sampleInput({ type: "object", properties: {} })).toEqual({});
  });
});
