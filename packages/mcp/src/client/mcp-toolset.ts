import { ConfigurationError, type AgentTool, type Logger, type MiddlewareObject } from "@sluice/core";
import { silentLogger } from "@sluice/core/internal";
import { toToolJsonSchema } from "@sluice/tools/internal";
import { McpClient, type McpClientOptions } from "./mcp-client.js";
import type { McpServerConfig, McpToolInfo } from "./mcp-server-config.js";
import { toolListMiddleware } from "./tool-list-middleware.js";
import { assignToolNames } from "./tool-names.js";

/** An MCP tool as an agent sees it, with where it comes from. */
export interface McpAgentTool extends AgentTool {
  readonly description: string;
  readonly metadata: Readonly<{ mcp: { server: string; tool: string; annotations?: McpToolInfo["annotations"] } }>;
}

/**
 * The tools of one or more MCP servers as Sluice agent tools. Names are made valid for Bedrock
 * (and told apart by a server prefix when two servers offer the same name); input schemas are
 * passed on as the servers wrote them, cleaned only where Bedrock requires it (no `$schema`,
 * references inlined). Calls carry the agent run's abort signal and a timeout.
 *
 * `tools()` is the current list; add `middleware` to the agent too and the model also sees
 * tools a server adds later (`notifications/tools/list_changed`), and stops seeing removed ones.
 * Closing the toolset closes every server (`await using` works).
 *
 * @example
 * await using mcp = await McpToolset.connect([{ command: "node", args: ["server.js"] }, { url: "http://localhost:3000/mcp" }]);
 * const agent = new Agent({ modelId, tools: mcp.tools(), middleware: [mcp.middleware] });
 */
export class McpToolset {
  // Bundling renames a class that names itself in its body (to _McpToolset); errors and logs report this name.
  static {
    Object.defineProperty(this, "name", { value: "McpToolset" });
  }

  readonly clients: readonly McpClient[];
  /** Keeps an agent's tool list in step with the servers' current tools (see the class comment). */
  readonly middleware: MiddlewareObject;
  private readonly logger: Logger;
  private current: McpAgentTool[] = [];
  /** Every name this toolset has ever given a tool, so stale entries in a request can be recognised. */
  private readonly everNamed = new Set<string>();
  private readonly listeners = new Set<(tools: readonly McpAgentTool[]) => void>();
  private readonly unsubscribe: Array<() => void> = [];
  private closing: Promise<void> | undefined;
  private readonly serverNames = new Map<McpClient, string>();

  constructor(clients: readonly McpClient[], options: { logger?: Logger } = {}) {
    if (new Set(clients).size !== clients.length) throw new ConfigurationError("The same McpClient was given to McpToolset twice.");
    // Two servers may introduce themselves by the same name (two copies of one server): number the later ones.
    const taken = new Set<string>();
    for (const client of clients) {
      let name = client.name;
      for (let copy = 2; taken.has(name); copy += 1) name = `${client.name}-${copy}`;
      taken.add(name);
      this.serverNames.set(client, name);
    }
    this.clients = [...clients];
    this.logger = options.logger ?? silentLogger;
    this.rebuild();
    for (const client of clients) this.unsubscribe.push(client.onToolsChanged(() => this.rebuild()));
    this.middleware = toolListMiddleware(this);
  }

  /**
   * Connects to every server at once. If any cannot be reached, the others are closed again and
   * its `McpConnectionError` is thrown.
   */
  static async connect(servers: McpServerConfig | readonly McpServerConfig[], options: McpClientOptions = {}): Promise<McpToolset> {
    const list = Array.isArray(servers) ? (servers as readonly McpServerConfig[]) : [servers as McpServerConfig];
    const settled = await Promise.allSettled(list.map((server) => McpClient.connect(server, options)));
    const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    if (failure) {
      await Promise.all(settled.map((outcome) => (outcome.status === "fulfilled" ? outcome.value.close() : undefined)));
      throw failure.reason;
    }
    const clients = settled.map((outcome) => (outcome as PromiseFulfilledResult<McpClient>).value);
    try {
      return new McpToolset(clients, options);
    } catch (error) {
      await Promise.all(clients.map((client) => client.close()));
      throw error;
    }
  }

  /** The servers' tools as they are now, named for Bedrock. */
  tools(): McpAgentTool[] {
    return [...this.current];
  }

  /** The current tool of that (Bedrock) name. */
  tool(name: string): McpAgentTool | undefined {
    return this.current.find((tool) => tool.name === name);
  }

  /** True for a name this toolset gave a tool at some point (current or since removed). */
  named(name: string): boolean {
    return this.everNamed.has(name);
  }

  /** Calls `listener` with the new list whenever a server's tools change. Returns a function that stops it. */
  onToolsChanged(listener: (tools: readonly McpAgentTool[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes every server connection (child processes are stopped, HTTP sessions ended). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const stop of this.unsubscribe) stop();
      this.listeners.clear();
      await Promise.all(this.clients.map((client) => client.close()));
    })();
    return this.closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  private rebuild(): void {
    const entries = this.clients.flatMap((client) => client.tools.map((info) => ({ client, info })));
    const names = assignToolNames(
      entries.map(({ client, info }) => ({
        server: this.serverNames.get(client) ?? client.name,
        tool: info.name,
        ...(client.config.toolPrefix !== undefined && { toolPrefix: client.config.toolPrefix }),
      })),
    );
    const tools: McpAgentTool[] = [];
    entries.forEach(({ client, info }, index) => {
      const name = names[index] as string;
      const tool = this.toAgentTool(client, this.serverNames.get(client) ?? client.name, info, name);
      if (!tool) return;
      tools.push(tool);
      this.everNamed.add(name);
    });
    this.current = tools;
    for (const listener of this.listeners) listener(tools);
  }

  private toAgentTool(client: McpClient, server: string, info: McpToolInfo, name: string): McpAgentTool | undefined {
    let inputSchema: Record<string, unknown>;
    try {
      inputSchema = toToolJsonSchema(info.inputSchema ?? { type: "object" }, name);
    } catch (error) {
      this.logger.warn(
        { mcpServer: server, tool: info.name, error: error instanceof Error ? error.message : String(error) },
        "MCP tool left out: Bedrock would refuse its input schema",
      );
      return undefined;
    }
    const description = info.description?.trim() || info.title?.trim() || info.annotations?.title?.trim() || `The ${info.name} tool of the ${server} MCP server.`;
    const timeoutMs = client.config.timeoutMs;
    return {
      name,
      description,
      inputSchema,
      ...(timeoutMs !== undefined && { timeoutMs }),
      metadata: { mcp: { server, tool: info.name, ...(info.annotations && { annotations: info.annotations }) } },
      invoke: (input, context) => client.callTool(info.name, input, { signal: context.signal }),
    };
  }
}
