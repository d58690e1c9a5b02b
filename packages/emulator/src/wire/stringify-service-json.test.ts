import { describe, expect, it } from "vitest";
import { stringifyServiceJson } from "./stringify-service-json.js";

describe("stringifyServiceJson", () => {
  it("sorts keys at every level except inside document members, and drops undefined", () => {
    const text = stringifyServiceJson({
      usage: { outputTokens: 2, inputTokens: 1 },
      output: { message: { role: "assistant", content: [{ toolUse: { toolUseId: "t", name: "n", input: { z: 1, a: { y: 2, b: 3 } } } }] } },
      skipped: undefined,
    });
    expect(text).toBe(
      '{"output":{"message":{"content":[{"toolUse":{"input":{"z":1,"a":{"y":2,"b":3}},"name":"n","toolUseId":"t"}}],"role":"assistant"}},"usage":{"inputTokens":1,"outputTokens":2}}',
    );
  });
});
