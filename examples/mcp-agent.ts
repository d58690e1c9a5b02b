/**
 * An agent using the tools of an MCP server: the published reference server
 * `@modelcontextprotocol/server-everything`, started as a child process over stdio. The model is
 * the embedded Bedrock emulator, scripted to call two of the server's tools; the servers' real
 * results go back to the model. `await using` stops the server when the block ends.
 *
 * Run: npx tsx --conditions=development examples/mcp-agent.ts
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Agent } from "@sluice/core";
import { startEmulator } from "@sluice/emulator";
import { McpToolset } from "@sluice/mcp";

const everythingServer = createRequire(import.meta.url).resolve("@modelcontextprotocol/server-everything/dist/index.js");

/** Runs the example; returns the agent's answer and the tool results the model received. */
export async function runMcpAgent(write: (line: string) => void = console.log): Promise<{ answer: string; toolResults: string[] }> {
  const emulator = await startEmulator();
  try {
    // In an app this is e.g. { command: "npx", args: ["-y", "@modelcontextprotocol/server-everything"] }.
    await using mcp = await McpToolset.connect({ name: "everything", command: process.execPath, args: [everythingServer, "stdio"] });
    write(`MCP tools: ${mcp.tools().map((tool) => tool.name).join(", ")}`);

    const agent = new Agent({
      modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
      clientOptions: { endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "demo", secretAccessKey: "demo" } },
      tools: mcp.tools(),
      middleware: [mcp.middleware], // keeps the model's tool list current if the server changes it
    });
    // The scripted model asks for two MCP tools, then answers with what they returned (its echo model).
    emulator.enqueue({ toolCalls: [{ name: "get-sum", input: { a: 19, b: 23 } }, { name: "get-structured-content", input: { location: "Chicago" } }] });
    agent.on("tool-result", (event) => write(`  ${event.name} → ${JSON.stringify(event.content)}`));
    const result = await agent.send("What is 19 + 23, and the weather in Chicago?");
    write(`agent > ${result.text}`);
    const toolResults = result.steps.flatMap((step) => step.toolCalls.map((call) => JSON.stringify(call.content)));
    return { answer: result.text, toolResults };
  } finally {
    await emulator.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  runMcpAgent().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
