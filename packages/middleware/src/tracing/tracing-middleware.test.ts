import { ModelResult, type ToolCall, type ToolCallOutcome } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { testModelCall } from "../../tests/model-call-fixture.js";
import { tracingMiddleware } from "./tracing-middleware.js";

describe("tracingMiddleware without an OpenTelemetry SDK", () => {
  it("passes model and tool calls straight through, returning next()'s own result", async () => {
    const middleware = tracingMiddleware();
    const result = ModelResult.fromResponse({
      output: { message: { role: "assistant", content: [{ text: "hi" }] } },
      stopReason: "end_turn",
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
      metrics: { latencyMs: 1 },
    });
    expect(await middleware.model?.(testModelCall(true), async () => result)).toBe(result);
    const outcome: ToolCallOutcome = { type: "result", status: "success", content: [{ text: "ok" }] };
    expect(await middleware.tool?.({ name: "t", toolUseId: "1", step: 1 } as ToolCall, async () => outcome)).toBe(outcome);
  });
});
