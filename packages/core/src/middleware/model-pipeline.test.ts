import { describe, expect, it } from "vitest";
import type { ModelMiddleware } from "./model-middleware.js";
import { ModelResult } from "./model-result.js";
import { modelCall } from "../testing/call-helpers.js";
import { ScriptedModel } from "../testing/scripted-model.js";
import { createModelPipeline } from "./compose.js";

describe("the model pipeline: one mode for middleware", () => {
  it("rejects next() with a non-streaming call's failure raised inside, so a middleware needs no streaming branch", async () => {
    const caught: unknown[] = [];
    const outer: ModelMiddleware = async (_call, next) => {
      try {
        return await next();
      } catch (error) {
        caught.push(error);
        return ModelResult.fromResponse({ output: { message: { role: "assistant", content: [{ text: "fallback" }] } }, stopReason: "end_turn", usage: undefined, metrics: undefined });
      }
    };
    // An inner layer whose result fails only when read (a lazy stream), as a transforming middleware's would.
    const lazyFailure: ModelMiddleware = () =>
      ModelResult.fromEvents(
        (async function* broken() {
          yield { messageStart: { role: "assistant" as const } };
          throw new Error("late failure");
        })(),
      );
    const pipeline = createModelPipeline([outer, lazyFailure], new ScriptedModel());
    const result = await pipeline(modelCall({ streaming: false }));
    expect((await result.response()).output?.message?.content).toEqual([{ text: "fallback" }]);
    expect(caught.map((error) => (error as Error).message)).toEqual(["late failure"]);
  });
});
