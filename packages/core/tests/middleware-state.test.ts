import { describe, expect, expectTypeOf, it } from "vitest";
import { Agent, type ModelMiddleware } from "@sluice/core";
import { ScriptedModel } from "@sluice/core/testing";

declare module "@sluice/core" {
  interface ModelCallState {
    /** Set by the timing middleware, read by the reporting one. */
    startedAt?: number;
  }
}

describe("typed per-call state", () => {
  it("lets middleware share typed values during one call", async () => {
    const reports: number[] = [];
    const report: ModelMiddleware = async (call, next) => {
      const result = await next();
      expectTypeOf(call.state.startedAt).toEqualTypeOf<number | undefined>();
      reports.push(call.state.startedAt ?? -1);
      return result;
    };
    const stamp: ModelMiddleware = (call, next) => {
      call.state.startedAt = 42;
      return next();
    };
    const agent = new Agent({ modelId: "amazon.nova-lite-v1:0", model: new ScriptedModel(["a", "b"]), middleware: [report, stamp] });
    await agent.send("one");
    await agent.stream("two").result;
    expect(reports).toEqual([42, 42]);
  });
});
