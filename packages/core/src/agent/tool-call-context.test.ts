import { describe, expect, it } from "vitest";
import { ToolCallContext } from "./tool-call-context.js";

const resolve = () => undefined as never;
const contextOn = (runSignal: AbortSignal) => new ToolCallContext(runSignal, "tooluse_1", 2, "run-1", { tenant: "a" }, resolve);

describe("ToolCallContext", () => {
  it("carries the call's fields and makes one signal, when first read", () => {
    const context = contextOn(new AbortController().signal);
    expect([context.toolUseId, context.step, context.runId, context.context]).toEqual(["tooluse_1", 2, "run-1", { tenant: "a" }]);
    expect(context.signal).toBe(context.signal);
    expect(context.signal.aborted).toBe(false);
  });

  it("aborts the signal the tool holds with the reason given", () => {
    const context = contextOn(new AbortController().signal);
    const signal = context.signal;
    context.abort(new Error("timed out"));
    context.abort(new Error("later"));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe("timed out");
  });

  it("gives an aborted signal to a tool that reads it only after the call was aborted", () => {
    const context = contextOn(new AbortController().signal);
    context.abort(new Error("timed out"));
    expect(context.signal.aborted).toBe(true);
    expect((context.signal.reason as Error).message).toBe("timed out");
  });

  it("starts aborted when the run already was", () => {
    const run = new AbortController();
    run.abort(new Error("stopped"));
    const context = contextOn(run.signal);
    expect(context.signal.aborted).toBe(true);
    expect((context.signal.reason as Error).message).toBe("stopped");
  });
});
