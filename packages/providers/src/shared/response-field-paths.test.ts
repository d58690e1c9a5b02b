import { describe, expect, it } from "vitest";
import { pickResponseFields } from "./response-field-paths.js";

describe("pickResponseFields", () => {
  it("picks JSON-Pointer fields, nested as the pointers name them", () => {
    const body = { stop_sequence: "###", delta: { stop_sequence: null }, "a/b": { "c~d": 1 } };
    expect(pickResponseFields(body, ["/stop_sequence", "/delta/stop_sequence", "/a~1b/c~0d", "/missing"])).toEqual({
      stop_sequence: "###",
      delta: { stop_sequence: null },
      "a/b": { "c~d": 1 },
    });
    expect(pickResponseFields(body, ["/missing"])).toBeUndefined();
    expect(pickResponseFields(body, undefined)).toBeUndefined();
  });
});
