import { describe, expect, it } from "vitest";
import { cloneJson } from "./clone-json.js";

describe("cloneJson", () => {
  it("copies nested objects and arrays so the copy shares nothing mutable with the source", () => {
    const source = { role: "user", content: [{ toolUse: { toolUseId: "t1", name: "f", input: { list: [1, { deep: true }] } } }] };
    const copy = cloneJson(source);
    expect(copy).toEqual(source);
    copy.content[0]!.toolUse.input.list.push(3);
    (copy.content[0]!.toolUse.input.list[1] as { deep: boolean }).deep = false;
    expect(source.content[0]!.toolUse.input.list).toEqual([1, { deep: true }]);
  });

  it("copies byte arrays instead of sharing them", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const copy = cloneJson({ bytes });
    expect(copy.bytes).toEqual(bytes);
    expect(copy.bytes).not.toBe(bytes);
  });

  it("keeps a __proto__ key as an own property instead of changing the copy's prototype", () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = cloneJson(source);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "a"]);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("returns primitives as they are", () => {
    expect(cloneJson("text")).toBe("text");
    expect(cloneJson(null)).toBeNull();
    expect(cloneJson(4)).toBe(4);
  });
});
