import { ConfigurationError, createModelPipeline, ModelResult, type ModelMiddleware } from "@sluice/core";
import { ScriptedModel } from "@sluice/core/testing";
import { describe, expect, it } from "vitest";
import { testModelCall } from "../../tests/model-call-fixture.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { timeoutMiddleware } from "./timeout-middleware.js";

describe("timeoutMiddleware", () => {
  it("hands the inner layers a signal that aborts at the deadline, and fails with TimeoutError", async () => {
    let innerSignal: AbortSignal | undefined;
    const stuck: ModelMiddleware = (inner) => {
      innerSignal = inner.signal;
      return new Promise<ModelResult>((_resolve, reject) => inner.signal.addEventListener("abort", () => reject(new Error("aborted below"))));
    };
    const outer = testModelCall(false);
    const pipeline = createModelPipeline([timeoutMiddleware({ deadlineMs: 30 }).model!, stuck], new ScriptedModel());
    const error = await pipeline(outer).catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error) && error.kind).toBe("deadline");
    expect(innerSignal?.aborted).toBe(true);
    expect(innerSignal).not.toBe(outer.signal);
    expect(outer.signal.aborted).toBe(false);
  });

  it("does not apply the idle timeout to non-streaming calls", async () => {
    const slow: ModelMiddleware = async (_inner, next) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      return next();
    };
    const pipeline = createModelPipeline([timeoutMiddleware({ idleTimeoutMs: 10 }).model!, slow], new ScriptedModel(["done"]));
    expect((await (await pipeline(testModelCall(false))).response()).output?.message?.content?.[0]?.text).toBe("done");
  });

  it("needs at least one limit", () => {
    expect(() => timeoutMiddleware({})).toThrow(ConfigurationError);
    expect(() => timeoutMiddleware({ deadlineMs: -5 })).toThrow(/deadlineMs must be an integer of at least 1/);
  });
});
