import { Agent, createBedrockClient, type AgentTool, type ConversationSnapshot, type Logger } from "@sluice/core";
import { startEmulator, type Emulator } from "@sluice/emulator";
import { McpToolset, type McpServerConfig } from "@sluice/mcp";
import { invokeModel } from "@sluice/providers";
import { CliUsageError } from "../errors/cli-usage-error.js";
import { chatDemoScript } from "./chat-demo-script.js";
import type { ChatOptions } from "./chat-options.js";
import { loadToolsModule } from "./load-tools-module.js";
import { parseCommandLine } from "./parse-command-line.js";
import { readSessionFile, writeSessionFile } from "./session-file.js";

/**
 * Everything a chat runs on: the agent, its tools, the MCP servers and the embedded emulator.
 *
 * @example
 * const chat: ChatSession = await openChatSession(options); try { await chat.agent.send("hi"); } finally { await chat.close(); }
 */
export interface ChatSession {
  /** The agent holding the conversation (replaced by `reset()`). */
  readonly agent: Agent;
  /** The chat's tools as they are now (MCP servers may change theirs). */
  tools(): AgentTool[];
  /** One line saying what the chat talks to. */
  readonly description: string;
  readonly emulator: Emulator | undefined;
  /** The `--session` file, saved after every turn. */
  readonly sessionFile: string | undefined;
  /** Starts an empty conversation (the session file, if any, is overwritten at the next save). */
  reset(): void;
  /** Writes the agent's snapshot to `file` or the session file; returns the path written. */
  save(file?: string): string;
  /** Stops the MCP servers and the embedded emulator. */
  close(): Promise<void>;
}

/**
 * Builds a chat from `sluice chat`'s options: loads tool modules, connects MCP servers, starts
 * the embedded emulator (with the chat demo script unless a script is given), and creates the
 * agent, continuing the session file's conversation when there is one.
 *
 * @example
 * const chat = await openChatSession({ modelId, api: "converse", tools: [], mcp: [], mcpUrl: [], emulator: true });
 * await chat.agent.send("hello"); // "You said: hello"
 */
export async function openChatSession(options: ChatOptions, logger?: Logger): Promise<ChatSession> {
  const moduleTools = (await Promise.all(options.tools.map((file) => loadToolsModule(file)))).flat();
  const servers: McpServerConfig[] = [
    ...options.mcp.map((line) => ({ ...parseCommandLine(line), env: inheritedEnvironment(), stderr: "pipe" as const })),
    ...options.mcpUrl.map((url) => ({ url })),
  ];
  const toolset = servers.length > 0 ? await McpToolset.connect(servers, logger ? { logger } : {}) : undefined;
  let emulator: Emulator | undefined;
  try {
    const tools = (): AgentTool[] => [...moduleTools, ...(toolset?.tools() ?? [])];
    if (options.emulator) {
      emulator = await startEmulator(options.emulatorScript ? { scriptFile: options.emulatorScript } : { script: chatDemoScript(tools()) });
    }
    const client = createBedrockClient({
      ...(options.region !== undefined && { region: options.region }),
      ...(emulator && { region: options.region ?? "us-east-1", credentials: { accessKeyId: "sluice-chat", secretAccessKey: "sluice-chat" } }),
      ...((emulator?.url ?? options.endpoint) !== undefined && { endpoint: emulator?.url ?? options.endpoint }),
    });
    const model = options.api === "invoke" ? invokeModel({ client }) : undefined;
    const build = (conversation?: ConversationSnapshot): Agent =>
      new Agent({
        name: "sluice-chat",
        modelId: options.modelId,
        client,
        ...(model && { model }),
        ...(options.system !== undefined && { system: options.system }),
        tools: tools(),
        ...(toolset && { middleware: [toolset.middleware] }),
        ...(options.maxSteps !== undefined && { maxSteps: options.maxSteps }),
        ...(conversation && { conversation: fitConversation(conversation, options, tools().length > 0) }),
      });
    let agent = build(options.session ? readSessionFile(options.session) : undefined);
    const where = emulator ? `the embedded Bedrock emulator (${emulator.url})` : options.endpoint ? options.endpoint : "Amazon Bedrock";
    return {
      get agent() {
        return agent;
      },
      tools,
      description: `${options.modelId} via ${options.api === "invoke" ? "InvokeModel" : "Converse"} on ${where}`,
      emulator,
      sessionFile: options.session,
      reset: () => {
        agent = build();
      },
      save: (file) => {
        const target = file ?? options.session;
        if (!target) throw new CliUsageError("Nowhere to save: give a file (/save chat.json) or start with --session <file>.");
        writeSessionFile(target, agent.snapshot());
        return target;
      },
      close: async () => {
        await Promise.all([toolset?.close(), emulator?.close()]);
      },
    };
  } catch (error) {
    await Promise.all([toolset?.close(), emulator?.close()]);
    throw error;
  }
}

/**
 * A stored conversation adapted to this run: a `--system` given now replaces the stored one, and
 * this run's tools replace the stored tool configuration (kept only when this run has no tools,
 * since Bedrock wants one whenever the history holds tool calls).
 */
function fitConversation(conversation: ConversationSnapshot, options: ChatOptions, hasTools: boolean): ConversationSnapshot {
  const { system, toolConfig, ...rest } = conversation;
  return {
    ...rest,
    ...(options.system === undefined && system !== undefined && { system }),
    ...(!hasTools && toolConfig !== undefined && { toolConfig }),
  };
}

/** MCP servers started from the command line see the user's environment, as if started from their shell. */
function inheritedEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return env;
}
