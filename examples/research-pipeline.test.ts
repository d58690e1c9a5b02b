import { describe, expect, it } from "vitest";
import { runResearchPipeline } from "./research-pipeline.js";

describe("research pipeline example", () => {
  it("runs research, write and review as three agents, each a typed step", async () => {
    const lines: string[] = [];
    const { result, requests } = await runResearchPipeline("tides", (line) => lines.push(line));
    expect(result.status).toBe("complete");
    if (result.status !== "complete") return;
    expect(result.output).toEqual({
      approved: true,
      comments: "Accurate and clear.",
      paragraph: "The Moon's gravity pulls on the oceans, so most coasts see the sea rise and fall twice a day.",
    });
    expect(requests).toEqual(["us.amazon.nova-lite-v1:0", "us.anthropic.claude-3-5-haiku-20241022-v1:0", "us.amazon.nova-pro-v1:0"]);
    expect(lines.slice(0, 3).map((line) => line.split(" (")[0])).toEqual(["✓ article/research", "✓ article/write", "✓ article/review"]);
    expect(result.usage.totalTokens).toBeGreaterThan(0);
    expect(Object.keys(result.state.records)).toEqual(["article/research", "article/write", "article/review"]);
  });
});
