import type { Tool } from "@aws-sdk/client-bedrock-runtime";
import { ConfigurationError } from "../errors/configuration-error.js";
import type { AgentTool } from "./agent-tool.js";

/** Bedrock's rule for tool names. */
const toolNamePattern = /^[a-zA-Z0-9_-]{1,64}$/;

/** True when Bedrock accepts `name` as a tool name. */
export function isValidToolName(name: unknown): name is string {
  return typeof name === "string" && toolNamePattern.test(name);
}

/** Throws a `ConfigurationError` unless `name` is a tool name Bedrock accepts. */
export function assertToolName(name: unknown): asserts name is string {
  if (!isValidToolName(name)) {
    throw new ConfigurationError(
      `Tool name ${JSON.stringify(name)} is not accepted by Bedrock: use 1 to 64 characters from a-z, A-Z, 0-9, "_" and "-".`,
    );
  }
}

/**
 * The tools an agent may call, by name. Names are checked against Bedrock's rules and must be
 * unique.
 *
 * @example
 * const registry = new ToolRegistry([weatherTool]);
 * registry.get("get_weather");
 */
export class ToolRegistry {
  private readonly byName = new Map<string, AgentTool>();

  constructor(tools: readonly AgentTool[] = []) {
    for (const tool of tools) this.add(tool);
  }

  add(tool: AgentTool): void {
    if (!tool || typeof tool.invoke !== "function") {
      throw new ConfigurationError("A tool must be an object with name, inputSchema and invoke(); use defineTool() from @sluice/tools.");
    }
    assertToolName(tool.name);
    if (this.byName.has(tool.name)) {
      throw new ConfigurationError(`Two tools are named "${tool.name}"; tool names must be unique within an agent.`);
    }
    const schema = tool.inputSchema;
    if (!schema || typeof schema !== "object" || schema.type !== "object") {
      throw new ConfigurationError(
        `Tool "${tool.name}" needs an inputSchema with type "object" at the top (Bedrock refuses other schemas); ` +
          'use { type: "object", properties: {} } for a tool without parameters.',
      );
    }
    this.byName.set(tool.name, tool);
  }

  get(name: string): AgentTool | undefined {
    return this.byName.get(name);
  }

  get size(): number {
    return this.byName.size;
  }

  list(): AgentTool[] {
    return [...this.byName.values()];
  }

  /** The `tools` entries of Bedrock's `toolConfig` for these tools. */
  toBedrockTools(): Tool[] {
    return this.list().map((tool) => ({
      toolSpec: {
        name: tool.name,
        ...(tool.description && { description: tool.description }),
        inputSchema: { json: tool.inputSchema as never },
      },
    }));
  }
}
