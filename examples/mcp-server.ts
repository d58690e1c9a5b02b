/**
 * Sluice tools and an agent served as an MCP server over streamable HTTP, then called the way
 * any MCP client (an IDE, a desktop assistant, another framework) would: here with the official
 * SDK's client. The agent answers through the embedded Bedrock emulator.
 *
 * For a server that an MCP client starts as a child process, call `server.serveStdio()` in the
 * process's main instead of `serveHttp()`.
 *
 * Run: npx tsx --conditions=development examples/mcp-server.ts
 */
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Agent } from "@sluice/core";
import { startEmulator } from "@sluice/emulator";
import { SluiceMcpServer, agentAsTool } from "@sluice/mcp";
import { defineTool } from "@sluice/tools";
import { z } from "zod";

const convertTemperature = defineTool({
  name: "convert_temperature",
  description: "Converts degrees Celsius to Fahrenheit",
  input: z.object({ celsius: z.number() }),
  handler: ({ celsius }) => ({ celsius, fahrenheit: Math.round((celsius * 9) / 5 + 32) }),
});

/** Runs the example; returns what the MCP client got back. */
export async function runMcpServer(write: (line: string) => void = console.log): Promise<{ tools: string[]; converted: unknown; answer: unknown }> {
  const emulator = await startEmulator();
  const server = new SluiceMcpServer({
    name: "sluice-example",
    tools: [
      convertTemperature,
      agentAsTool({
        name: "assistant",
        description: "Answers questions in plain language",
        // A fresh agent per call, so two MCP clients never share a conversation.
        agent: () =>
          new Agent({
            modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
            clientOptions: { endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "demo", secretAccessKey: "demo" } },
          }),
      }),
    ],
  });
  const endpoint = await server.serveHttp({ port: 0 });
  write(`Sluice MCP server at ${endpoint.url}`);
  const client = new Client({ name: "example-client", version: "1.0.0" });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(endpoint.url)));
    const tools = (await client.listTools()).tools.map((tool) => tool.name);
    write(`tools: ${tools.join(", ")}`);
    const converted = await client.callTool({ name: "convert_temperature", arguments: { celsius: 21 } });
    write(`convert_temperature → ${JSON.stringify(converted.content)}`);
    const answer = await client.callTool({ name: "assistant", arguments: { message: "Hello from an MCP client" } });
    write(`assistant → ${JSON.stringify(answer.content)}`);
    return { tools, converted: converted.content, answer: answer.content };
  } finally {
    await client.close();
    await server.close();
    await emulator.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  runMcpServer().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
