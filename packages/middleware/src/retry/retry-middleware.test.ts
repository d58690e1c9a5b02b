import { BedrockError, ConfigurationError, createModelPipeline } from "@sluice/core";
import { ScriptedModel } from "@sluice/core/testing";
import { describe, expect, it } from "vitest";
import { testModelCall } from "../../tests/model-call-fixture.js";
import { retryMiddleware, type RetryEvent } from "./retry-middleware.js";

describe("retryMiddleware", () => {
  it("waits the backoff between attempts and retries only the configured errors", async () => {
    const events: RetryEvent[] = [];
    const model = new ScriptedModel([new BedrockError("ModelNotReadyException", "warming up", { httpStatus: 429 }), "ready"]);
    const retry = retryMiddleware({ baseDelayMs: 20, jitter: "none", onRetry: (event) => events.push(event) });
    const pipeline = createModelPipeline([retry.model!], model);
    const started = Date.now();
    expect((await (await pipeline(testModelCall(false))).response()).output?.message?.content?.[0]?.text).toBe("ready");
    expect(Date.now() - started).toBeGreaterThanOrEqual(18);
    expect(events).toEqual([expect.objectContaining({ attempt: 1, delayMs: 20, errorName: "ModelNotReadyException", modelId: "amazon.nova-lite-v1:0" })]);

    const narrow = createModelPipeline([retryMiddleware({ retryOn: ["ThrottlingException"], baseDelayMs: 1 }).model!], new ScriptedModel([new BedrockError("ModelNotReadyException", "warming up")]));
    await expect(narrow(testModelCall(false))).rejects.toThrow(/ModelNotReadyException/);
  });

  it("refuses invalid options with a message that says how to fix them", () => {
    expect(() => retryMiddleware({ maxAttempts: 0 })).toThrow(ConfigurationError);
    expect(() => retryMiddleware({ maxAttempts: 0 })).toThrow(/maxAttempts must be an integer of at least 1/);
    expect(() => retryMiddleware({ jitter: "random" as never })).toThrow(/jitter must be one of "full", "equal", "none"/);
    expect(() => retryMiddleware({ retries: 3 } as never)).toThrow(/unknown option "retries"/);
    expect(() => retryMiddleware({ retryOn: [""] })).toThrow(/retryOn must be an array of non-empty strings/);
  });
});
