import { describe, expect, it } from "vitest";
import { runMcpServer } from "./mcp-server.js";

describe("MCP server example", () => {
  it("serves a tool and an agent to the SDK's client over streamable HTTP", async () => {
    const lines: string[] = [];
    const outcome = await runMcpServer((line) => lines.push(line));
    expect(lines[0]).toMatch(/^Sluice MCP server at http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(outcome.tools).toEqual(["convert_temperature", "assistant"]);
    expect(outcome.converted).toEqual([{ type: "text", text: '{"celsius":21,"fahrenheit":70}' }]);
    expect(outcome.answer).toEqual([{ type: "text", text: "You said: Hello from an MCP client" }]);
  });
});
