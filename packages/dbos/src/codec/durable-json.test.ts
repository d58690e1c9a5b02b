import { describe, expect, it } from "vitest";
import { fromDurableJson, toDurableJson } from "./durable-json.js";

describe("durable JSON", () => {
  it("stores Converse bytes as base64 that survives JSON, and restores them as Uint8Array", () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const response = { output: { message: { role: "assistant", content: [{ text: "a picture" }, { image: { format: "png", source: { bytes } } }] } }, stopReason: "end_turn", usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 } };
    const stored = JSON.parse(JSON.stringify(toDurableJson(response))) as unknown;
    expect(stored).toMatchObject({ output: { message: { content: [{ text: "a picture" }, { image: { source: { bytes: { "$sluice.bytes": "AAEC+v8=" } } } }] } } });
    const restored = fromDurableJson<typeof response>(stored);
    expect(restored.output.message.content[1]).toEqual({ image: { format: "png", source: { bytes } } });
    expect((restored.output.message.content[1] as { image: { source: { bytes: unknown } } }).image.source.bytes).toBeInstanceOf(Uint8Array);
    expect(restored.usage).toEqual(response.usage);
  });

  it("encodes a view into a larger buffer by its own bytes only, and drops undefined members", () => {
    const view = new Uint8Array([9, 8, 7, 6]).subarray(1, 3);
    expect(toDurableJson({ bytes: view, gone: undefined })).toEqual({ bytes: { "$sluice.bytes": Buffer.from([8, 7]).toString("base64") } });
  });

  it("leaves strings, numbers, null and arrays as they are", () => {
    const value = { list: [1, "two", null, { three: true }] };
    expect(fromDurableJson(toDurableJson(value))).toEqual(value);
  });
});
