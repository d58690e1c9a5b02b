import { describe, expect, it } from "vitest";
import { runMcpAgent } from "./mcp-agent.js";

describe("MCP agent example", () => {
  it("gets the reference server's real results to the model", async () => {
    const lines: string[] = [];
    const { answer, toolResults } = await runMcpAgent((line) => lines.push(line));
    expect(lines[0]).toMatch(/^MCP tools: .*get-sum/);
    expect(toolResults).toEqual(['[{"text":"The sum of 19 and 23 is 42."}]', '[{"json":{"temperature":36,"conditions":"Light rain / drizzle","humidity":82}}]']);
    expect(answer).toBe('Tool results: get-sum: The sum of 19 and 23 is 42.; get-structured-content: {"temperature":36,"conditions":"Light rain / drizzle","humidity":82}');
  });
});
