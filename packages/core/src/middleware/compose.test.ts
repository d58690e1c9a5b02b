import { describe, expect, it } from "vitest";
import { MiddlewareError } from "../errors/middleware-error.js";
import { compose, type Layer, type WrapPoint } from "./compose.js";

type Call = { value: string; trail: string[] };
const point: WrapPoint<Call, [value?: string], string> = {
  kind: "test",
  rebind: (call, value) => (value === undefined ? call : { ...call, value }),
  isResult: (value): value is string => typeof value === "string",
  expected: "a string",
};
const terminal = async (call: Call) => {
  call.trail.push(`terminal:${call.value}`);
  return `answer(${call.value})`;
};

describe("compose", () => {
  it("runs the first layer outermost and unwinds in reverse", async () => {
    const layer = (name: string): Layer<Call, [value?: string], string> =>
      async function named(call, next) {
        call.trail.push(`${name}:in`);
        const result = await next();
        call.trail.push(`${name}:out`);
        return result;
      };
    const call = { value: "x", trail: [] as string[] };
    await compose([layer("a"), layer("b")], terminal, point)(call);
    expect(call.trail).toEqual(["a:in", "b:in", "terminal:x", "b:out", "a:out"]);
  });

  it("lets a layer replace the argument for everything inside it", async () => {
    const seen: string[] = [];
    const rewrite: Layer<Call, [value?: string], string> = (call, next) => next(call.value.toUpperCase());
    const observe: Layer<Call, [value?: string], string> = (call, next) => {
      seen.push(call.value);
      return next();
    };
    const result = await compose([rewrite, observe], terminal, point)({ value: "abc", trail: [] });
    expect(seen).toEqual(["ABC"]);
    expect(result).toBe("answer(ABC)");
  });

  it("lets a layer answer without calling next", async () => {
    const call = { value: "x", trail: [] as string[] };
    const result = await compose([async () => "cached"], terminal, point)(call);
    expect(result).toBe("cached");
    expect(call.trail).toEqual([]);
  });

  it("lets a layer call next again after a failure", async () => {
    let attempts = 0;
    const flaky = async (call: Call) => {
      attempts += 1;
      if (attempts < 3) throw new Error("transient");
      return terminal(call);
    };
    const retry: Layer<Call, [value?: string], string> = async function retry(_call, next) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await next();
        } catch (error) {
          if (attempt >= 3) throw error;
        }
      }
    };
    expect(await compose([retry], flaky, point)({ value: "x", trail: [] })).toBe("answer(x)");
    expect(attempts).toBe(3);
  });

  it("fails clearly when a layer returns nothing", async () => {
    const silent: Layer<Call, [value?: string], string> = async function silent(_call, next) {
      await next();
      return undefined as unknown as string;
    };
    await expect(compose([silent], terminal, point)({ value: "x", trail: [] })).rejects.toThrow(
      /test middleware "silent" at position 0 returned nothing/,
    );
  });

  it("fails clearly when a layer returns before next() settles", async () => {
    const slowTerminal = () => new Promise<string>((resolve) => setTimeout(() => resolve("late"), 20));
    const hasty: Layer<Call, [value?: string], string> = async function hasty(_call, next) {
      void next();
      return "early";
    };
    const error = await compose([hasty], slowTerminal, point)({ value: "x", trail: [] }).catch((e: unknown) => e);
    expect(MiddlewareError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/returned before the promise from next\(\) settled/);
  });

  it("refuses a second next() while the first is still running", async () => {
    const slowTerminal = () => new Promise<string>((resolve) => setTimeout(() => resolve("late"), 10));
    const doubled: Layer<Call, [value?: string], string> = async (_call, next) => {
      const first = next();
      const second = next();
      return Promise.race([first, second]);
    };
    await expect(compose([doubled], slowTerminal, point)({ value: "x", trail: [] })).rejects.toThrow(
      /called next\(\) while its previous next\(\) was still running/,
    );
  });
});
