import { describe, expect, it } from "vitest";
import { runLoggingExample } from "./logging-middleware.js";

describe("custom logging middleware example", () => {
  it("logs every model and tool call, streamed or not, and failures, without changing them", async () => {
    const lines = await runLoggingExample(() => undefined);
    const modelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
    expect(lines.map((line) => line.replace(/\d+ tokens/, "N tokens").replace(/\d+ ms/, "T ms"))).toEqual([
      `model ${modelId} step 1: tool_use, N tokens, T ms`,
      "tool current_time (tooluse_oslo): success, T ms",
      `model ${modelId} step 2: end_turn, N tokens, T ms`,
      `model ${modelId} step 1: end_turn, N tokens, T ms`,
      `model ${modelId} step 1 failed: BedrockError`,
    ]);
  });
});
