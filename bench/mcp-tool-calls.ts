/**
 * What calling a tool through MCP costs over calling it in-process: an agent turn in which a
 * scripted model (no HTTP to a model) calls `add` once and then answers, with `add` as a plain
 * Sluice tool, served by `SluiceMcpServer` over streamable HTTP on this machine, and served over
 * stdio by a child process. The difference per turn is the MCP round trip as an agent sees it:
 * the client's and server's JSON-RPC handling, the transport, and the result's conversion.
 *
 * Run alone: npx tsx bench/mcp-tool-calls.ts (pnpm bench runs it as scenario j)
 */
import { fileURLToPath } from "node:url";
import { Agent, type AgentTool, type ModelRequest, type ModelResponse } from "@sluice/core";
import { McpToolset, SluiceMcpServer } from "@sluice/mcp";
import { ScriptedModel } from "@sluice/core/testing";
import { benchModelId as modelId, constantAnswer } from "./constant-model.js";
import { addTool } from "./mcp/add-tool.js";
import { formatTable, median, microsecondsSince } from "./stats.js";

const callAdd: ModelResponse = {
  output: { message: { role: "assistant", content: [{ toolUse: { toolUseId: "call-add", name: "add", input: { a: 19, b: 23 } } }] } },
  stopReason: "tool_use",
  usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 },
  metrics: { latencyMs: 0 },
};

/** Calls `add` first, then answers once the tool's result is the last message. */
class AddThenAnswerModel extends ScriptedModel {
  override async converse(request: ModelRequest): Promise<ModelResponse> {
    const last = request.messages?.at(-1);
    return last?.content?.some((block) => block.toolResult !== undefined) ? constantAnswer : callAdd;
  }
}

export interface McpToolCallsResult {
  /** Median µs of one agent turn (two model calls and one `add` call) per way of reaching the tool. */
  directTurnMicroseconds: number;
  httpTurnMicroseconds: number;
  stdioTurnMicroseconds: number;
  /** What MCP adds to one tool call: the turn's median less the direct turn's. */
  httpOverheadMicroseconds: number;
  stdioOverheadMicroseconds: number;
}

async function turnSamples(tool: AgentTool, turns: number, samples: number[]): Promise<void> {
  const model = new AddThenAnswerModel();
  for (let index = 0; index < turns; index += 1) {
    const agent = new Agent({ modelId, model, tools: [tool] });
    const start = process.hrtime.bigint();
    const result = await agent.send("What is 19 + 23?");
    samples.push(microsecondsSince(start));
    if (result.steps[0]?.toolCalls[0]?.status !== "success") throw new Error(`add failed: ${JSON.stringify(result.steps[0]?.toolCalls[0])}`);
  }
}

export async function runMcpToolCallsBenchmark(rounds = 3, turnsPerRound = 500): Promise<McpToolCallsResult> {
  const server = new SluiceMcpServer({ name: "bench-add", tools: [addTool] });
  const endpoint = await server.serveHttp({ port: 0 });
  const serverScript = fileURLToPath(new URL("./mcp/add-tool-server.ts", import.meta.url));
  const http = await McpToolset.connect({ name: "http", url: endpoint.url });
  const stdio = await McpToolset.connect({ name: "stdio", command: process.execPath, args: ["--import", "tsx", ...conditions(), serverScript] });
  try {
    const ways = { direct: addTool as AgentTool, http: only(http), stdio: only(stdio) };
    const samples = { direct: [] as number[], http: [] as number[], stdio: [] as number[] };
    for (const way of Object.keys(ways) as Array<keyof typeof ways>) await turnSamples(ways[way], 100, []); // warm-up
    for (let round = 0; round < rounds; round += 1) {
      for (const way of Object.keys(ways) as Array<keyof typeof ways>) await turnSamples(ways[way], turnsPerRound, samples[way]);
    }
    const direct = median(samples.direct);
    const viaHttp = median(samples.http);
    const viaStdio = median(samples.stdio);
    return {
      directTurnMicroseconds: direct,
      httpTurnMicroseconds: viaHttp,
      stdioTurnMicroseconds: viaStdio,
      httpOverheadMicroseconds: viaHttp - direct,
      stdioOverheadMicroseconds: viaStdio - direct,
    };
  } finally {
    await http.close();
    await stdio.close();
    await server.close();
  }
}

/** The child loads Sluice the way this process does (sources or builds). */
function conditions(): string[] {
  return process.execArgv.filter((argument) => argument.startsWith("--conditions"));
}

function only(toolset: McpToolset): AgentTool {
  const tool = toolset.tools().find((candidate) => candidate.name === "add");
  if (tool === undefined) throw new Error(`the MCP server did not list add (tools: ${toolset.tools().map((candidate) => candidate.name).join(", ")})`);
  return tool;
}

export function formatMcpToolCalls(result: McpToolCallsResult): string {
  return formatTable(
    ["measure", "value", "target"],
    [
      ["agent turn, `add` as a plain tool (median µs)", result.directTurnMicroseconds, ""],
      ["agent turn, `add` over MCP, streamable HTTP (median µs)", result.httpTurnMicroseconds, ""],
      ["agent turn, `add` over MCP, stdio child process (median µs)", result.stdioTurnMicroseconds, ""],
      ["MCP over HTTP, added per tool call (µs)", result.httpOverheadMicroseconds, "≤ 2,000"],
      ["MCP over stdio, added per tool call (µs)", result.stdioOverheadMicroseconds, "≤ 1,000"],
    ],
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(formatMcpToolCalls(await runMcpToolCallsBenchmark(1, 200)));
