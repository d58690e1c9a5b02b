import { DBOS } from "@dbos-inc/dbos-sdk";
import { ModelResult, type MiddlewareObject, type ModelCall, type ModelNext, type ModelResponse, type ToolCall, type ToolCallOutcome, type ToolNext } from "@sluice/core";
import { fromDurableJson, toDurableJson } from "../codec/durable-json.js";
import { countStep } from "../shared/durable-scope.js";

/** The DBOS step name of a model call: `sluice.model:<step>` (1 for the run's first call). */
export const modelStepName = (call: Pick<ModelCall, "step">): string => `sluice.model:${call.step}`;
/**
 * The DBOS step name of a tool call: `sluice.tool:<tool name>:<toolUseId>`. The id comes from the
 * stored model response, so it is the same on replay, and two calls of one tool that start in
 * another order on replay are refused by DBOS instead of getting each other's results.
 */
export const toolStepName = (call: Pick<ToolCall, "name" | "toolUseId">): string => `sluice.tool:${call.name}:${call.toolUseId}`;

/**
 * Makes each model call and each tool call of an agent run a DBOS step, when the agent runs
 * inside a DBOS workflow (`durableAgent`, `durableWorkflow`, or a workflow of your own):
 *
 * - a model call's step stores the complete response (content, stop reason, usage; bytes as
 *   base64). Replayed after a crash, the stored response is returned and nothing is sent to Bedrock.
 *   A streaming run gets the response's events at once when the step ends, not token by token.
 * - a tool call's step stores its outcome; a replayed tool does not run again. The call's
 *   `toolUseId` (on the tool's context) comes from the stored response, so it is the same on
 *   every replay: use it as the idempotency key of side effects (see `toolIdempotencyKey`).
 *
 * The call in flight when a process dies has no stored outcome, so it runs again in the process
 * that resumes the run: model and tool calls are at-least-once, completed ones exactly-once.
 * Outside a DBOS workflow (or inside another step) the calls pass through unchanged.
 *
 * Put it last in the agent's `middleware`, so the others (approval, logging, caching) wrap the
 * step and only the call itself is checkpointed.
 *
 * @example
 * const agent = new Agent({ modelId, tools: [refund], middleware: [approvalMiddleware(), durableMiddleware()] });
 */
export function durableMiddleware(): MiddlewareObject {
  return {
    name: "dbos",
    model: async function durableModelCall(call: ModelCall, next: ModelNext): Promise<ModelResult> {
      if (!DBOS.isInWorkflow()) return next();
      countStep("model");
      const stored = await DBOS.runStep(async () => toDurableJson(await (await next()).response()), { name: modelStepName(call) });
      return ModelResult.fromResponse(fromDurableJson<ModelResponse>(stored));
    },
    tool: async function durableToolCall(call: ToolCall, next: ToolNext): Promise<ToolCallOutcome> {
      if (!DBOS.isInWorkflow()) return next();
      countStep("tool");
      const stored = await DBOS.runStep(async () => toDurableJson(storable(await next())), { name: toolStepName(call) });
      return restore(fromDurableJson<ToolCallOutcome>(stored));
    },
  };
}

/** A tool outcome as plain data: a failure's error keeps its name and message only. */
function storable(outcome: ToolCallOutcome): ToolCallOutcome {
  if (outcome.type !== "result" || outcome.failure === undefined) return outcome;
  const { error } = outcome.failure;
  const described = error instanceof Error ? { name: error.name, message: error.message } : { name: "Error", message: String(error) };
  return { ...outcome, failure: { reason: outcome.failure.reason, error: described } };
}

function restore(outcome: ToolCallOutcome): ToolCallOutcome {
  if (outcome.type !== "result" || outcome.failure === undefined) return outcome;
  const described = outcome.failure.error as { name?: string; message?: string } | undefined;
  const error = new Error(described?.message ?? "The tool failed.");
  error.name = described?.name ?? "Error";
  return { ...outcome, failure: { reason: outcome.failure.reason, error } };
}
