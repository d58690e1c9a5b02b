/** The scripted model of the in-process benchmarks (bench/core-pipeline.ts, bench/middleware-overhead.ts). */
import type { ModelResponse } from "@sluice/core";
import { ScriptedModel } from "@sluice/core/testing";

/** The model ID the in-process benchmarks ask for; no request leaves the process. */
export const benchModelId = "anthropic.claude-3-5-haiku-20241022-v1:0";

/** The one answer `ConstantModel` gives, every time. */
export const constantAnswer: ModelResponse = {
  output: { message: { role: "assistant", content: [{ text: "A short, constant answer." }] } },
  stopReason: "end_turn",
  usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 },
  metrics: { latencyMs: 0 },
};

/**
 * A model that answers non-streamed calls instantly with `constantAnswer` and keeps no request
 * log (so memory does not grow with the run). Streamed calls are `ScriptedModel`'s.
 *
 * @example
 * const agent = new Agent({ modelId: benchModelId, model: new ConstantModel() });
 */
export class ConstantModel extends ScriptedModel {
  override async converse(): Promise<ModelResponse> {
    return constantAnswer;
  }
}
