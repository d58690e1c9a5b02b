import { describe, expect, it } from "vitest";
import type { Model } from "../model/model.js";
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

  it("takes a Model whose converse answers with a plain value, and turns a bad request into a rejection, not a throw", async () => {
    const answer = { output: { message: { role: "assistant" as const, content: [{ text: "plain" }] } }, stopReason: "end_turn" as const, usage: undefined, metrics: undefined };
    const plainModel = { converse: () => answer, converseStream: () => [] } as unknown as Model;
    const pipeline = createModelPipeline([], plainModel);
    const result = await pipeline(modelCall({ streaming: false }));
    expect((await result.response()).output?.message?.content).toEqual([{ text: "plain" }]);
    const refused = pipeline(modelCall({ streaming: false, request: { modelId: "m", messages: [] } }));
    expect(refused).toBeInstanceOf(Promise);
    await expect(refused).rejects.toThrow(/messages is empty/);
  });
});
