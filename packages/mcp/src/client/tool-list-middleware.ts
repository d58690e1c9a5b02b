import { AbortError, SluiceError, type MiddlewareObject, type Tool, type ToolCallOutcome } from "@sluice/core";
import { toolContextOf } from "@sluice/core/internal";
import type { McpAgentTool, McpToolset } from "./mcp-toolset.js";

/**
 * An agent fixes its tool list when it is built, but an MCP server may add or remove tools
 * later. This middleware closes the gap: before each model call it puts the toolset's current
 * tools in the request in place of the ones the agent was built with (other tools are left
 * alone), and it runs calls to tools added since (which the agent itself does not know).
 */
export function toolListMiddleware(toolset: McpToolset): MiddlewareObject {
  return {
    name: "mcp-tool-list",
    model: (call, next) => {
      const tools = currentTools(call.request.toolConfig?.tools ?? [], toolset);
      if (!tools) return next();
      return next({ ...call.request, toolConfig: { ...call.request.toolConfig, tools } });
    },
    tool: async (call, next): Promise<ToolCallOutcome> => {
      if (call.tool !== undefined) return next();
      const tool = toolset.tool(call.name);
      if (!tool) return next();
      try {
        const output = await tool.invoke(call.input, toolContextOf(call));
        return { type: "result", content: output.content, status: output.status ?? "success" };
      } catch (error) {
        if (call.signal.aborted || AbortError.isInstance(error)) {
          throw AbortError.isInstance(error) ? error : new AbortError("The agent run was aborted while a tool was running.", { cause: error });
        }
        const detail = error instanceof Error ? error.message : String(error);
        const kind = SluiceError.isInstance(error) ? `${error.name}: ` : "";
        return {
          type: "result",
          status: "error",
          content: [{ text: `The tool ${call.name} failed: ${kind}${detail}` }],
          failure: { reason: "handler-error", error },
        };
      }
    },
  };
}

/** The request's tool list with the toolset's entries brought up to date, or undefined when nothing changed. */
function currentTools(entries: readonly Tool[], toolset: McpToolset): Tool[] | undefined {
  const current = new Map(toolset.tools().map((tool) => [tool.name, tool]));
  const seen = new Set<string>();
  const result: Tool[] = [];
  let changed = false;
  let insertAt: number | undefined;
  for (const entry of entries) {
    const name = entry.toolSpec?.name;
    if (name === undefined || !toolset.named(name)) {
      result.push(entry);
      continue;
    }
    const tool = current.get(name);
    if (!tool) {
      changed = true;
      insertAt = result.length;
      continue;
    }
    const spec = toolSpecOf(tool);
    if (JSON.stringify(spec) !== JSON.stringify(entry)) changed = true;
    result.push(spec);
    seen.add(name);
    insertAt = result.length;
  }
  const added = [...current.values()].filter((tool) => !seen.has(tool.name)).map(toolSpecOf);
  if (added.length === 0 && !changed) return undefined;
  if (insertAt === undefined) {
    // After the other tools, but before a trailing cache point so the cached prefix stays the same.
    insertAt = result.length > 0 && result[result.length - 1]?.cachePoint ? result.length - 1 : result.length;
  }
  result.splice(insertAt, 0, ...added);
  // Bedrock refuses an empty tool list; keep the old one (calls to removed tools then fail as error results).
  return result.length === 0 ? undefined : result;
}

function toolSpecOf(tool: McpAgentTool): Tool {
  return { toolSpec: { name: tool.name, description: tool.description, inputSchema: { json: tool.inputSchema as never } } };
}
