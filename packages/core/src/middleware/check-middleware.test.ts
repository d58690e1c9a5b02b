import { describe, expect, it } from "vitest";
import { checkMiddlewareList } from "./check-middleware.js";

describe("checkMiddlewareList and the step hook", () => {
  it("accepts an object whose only hook wraps workflow steps", () => {
    expect(() => checkMiddlewareList([{ name: "audit", step: async (_call: unknown, next: () => Promise<unknown>) => next() }], "middleware")).not.toThrow();
  });

  it("names a misspelt step hook and a step hook that is not a function", () => {
    expect(() => checkMiddlewareList([{ name: "audit", stpe: async () => undefined }], "middleware")).toThrow(/unknown hook "stpe"\. Did you mean "step"\?/);
    expect(() => checkMiddlewareList([{ step: "log" }], "middleware")).toThrow(/middleware\[0\]\.step is .*it must be a function/);
  });
});
