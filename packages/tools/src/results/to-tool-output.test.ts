import { describe, expect, it } from "vitest";
import { toToolOutput } from "./to-tool-output.js";
import { toolResult } from "./tool-result.js";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe("toToolOutput", () => {
  it.each([
    ["a string", "sunny", [{ text: "sunny" }]],
    ["a plain object", { temperature: 21, when: undefined }, [{ json: { temperature: 21 } }]],
    ["a class instance with toJSON", new Date(0), [{ text: '"1970-01-01T00:00:00.000Z"' }]],
    ["a number", 42, [{ text: "42" }]],
    ["a boolean", false, [{ text: "false" }]],
    ["an array of values", [1, "two"], [{ text: '[1,"two"]' }]],
    ["content blocks", [{ text: "see" }, { json: { a: 1 } }], [{ text: "see" }, { json: { a: 1 } }]],
    ["nothing", undefined, [{ text: "(the tool returned no output)" }]],
    ["blank text", "  ", [{ text: "(the tool returned no output)" }]],
  ])("converts %s", (_label, value, content) => {
    expect(toToolOutput(value, "tool")).toEqual({ content, status: "success" });
  });

  it("turns bytes into an image block in the declared format, and refuses undeclared bytes", () => {
    expect(toToolOutput(png, "chart", "png")).toEqual({ content: [{ image: { format: "png", source: { bytes: png } } }], status: "success" });
    expect(toToolOutput(png.buffer, "chart", "webp").content[0]).toMatchObject({ image: { format: "webp" } });
    expect(() => toToolOutput(png, "chart")).toThrow(/declares no imageFormat/);
  });

  it("takes an explicit result with its status, and checks its blocks", () => {
    expect(toToolOutput(toolResult("No such city", { status: "error" }), "t")).toEqual({ content: [{ text: "No such city" }], status: "error" });
    expect(toToolOutput(toolResult([]), "t")).toEqual({ content: [{ text: "(the tool returned no output)" }], status: "success" });
    expect(() => toToolOutput(toolResult([{ text: "a", json: {} } as never]), "t")).toThrow(/invalid content block at index 0/);
  });

  it("sends an object as JSON would carry it: a copy, with dates as text, undefined left out and non-finite numbers as null", () => {
    const nested = { city: "Lisbon", readings: [21, 22.5], sky: { clouds: null, sunny: true } };
    const [plain] = toToolOutput(nested, "t").content as Array<{ json: typeof nested }>;
    expect(plain?.json).toStrictEqual(nested);
    expect(plain?.json).not.toBe(nested);
    expect(plain?.json.readings).not.toBe(nested.readings);
    const [converted] = toToolOutput({ at: new Date(0), gone: undefined, list: [undefined, Number.NaN], ratio: Infinity }, "t").content as Array<{ json: unknown }>;
    expect(converted?.json).toStrictEqual({ at: "1970-01-01T00:00:00.000Z", list: [null, null], ratio: null });
    const [ownProto] = toToolOutput(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'), "t").content as Array<{ json: Record<string, unknown> }>;
    expect(Object.keys(ownProto?.json ?? {})).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("refuses values JSON cannot carry", () => {
    expect(() => toToolOutput(() => 1, "t")).toThrow(/returned a function/);
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    expect(() => toToolOutput(cyclic, "t")).toThrow(/cannot be sent as JSON/);
    expect(toToolOutput({ big: 10n }, "t").content).toEqual([{ json: { big: "10" } }]);
  });
});
