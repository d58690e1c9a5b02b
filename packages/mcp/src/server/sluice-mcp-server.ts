import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { AbortError, ConfigurationError, ToolInputError, ToolRegistry, Tokens, type Logger, type ServiceResolver } from "@sluice/core";
import { defaultToolTimeoutMs, silentLogger, systemClock } from "@sluice/core/internal";
import type { DependencyContainer } from "tsyringe";
import { sluiceMcpVersion } from "../version.js";
import { serveHttp, type McpHttpEndpoint, type McpHttpOptions } from "./serve-http.js";
import type { McpToolContext, ServedTool } from "./served-tool.js";
import { toolOutputToMcpResult } from "./tool-output-to-mcp-result.js";

/**
 * Options of `new SluiceMcpServer(...)`.
 *
 * @example
 * const options: SluiceMcpServerOptions = { name: "weather", tools: [getWeather, agentAsTool({ ... })] };
 */
export interface SluiceMcpServerOptions {
  /** How the server introduces itself to clients. */
  name: string;
  version?: string;
  /** Guidance for the client's model on using these tools. */
  instructions?: string;
  tools: readonly ServedTool[];
  /** Default milliseconds a call may run (a tool's own `timeoutMs` wins). Default 60,000. */
  toolTimeoutMs?: number;
  /**
   * The container tools `resolve` services from. Without one, `resolve` gives the server's logger
   * and the system clock, and refuses other tokens.
   */
  container?: DependencyContainer;
  logger?: Logger;
}

/**
 * Serves Sluice tools (and agents, through `agentAsTool`) to any MCP client, over stdio or
 * streamable HTTP. Each connection or HTTP session gets its own protocol server; all share the
 * tools. `setTools` changes them and tells connected clients (`notifications/tools/list_changed`).
 *
 * @example
 * const server = new SluiceMcpServer({ name: "weather", tools: [getWeather] });
 * await server.serveStdio(); // as the main of a process an MCP client starts
 * const endpoint = await server.serveHttp({ port: 3000 }); // or: clients connect to endpoint.url
 */
export class SluiceMcpServer {
  readonly name: string;
  private readonly options: SluiceMcpServerOptions;
  private byName = new Map<string, ServedTool>();
  private readonly resolve: ServiceResolver;
  private readonly logger: Logger;
  private readonly live = new Set<Server>();
  private readonly endpoints = new Set<{ close(): Promise<void> }>();

  constructor(options: SluiceMcpServerOptions) {
    if (typeof options?.name !== "string" || options.name.trim() === "") {
      throw new ConfigurationError("SluiceMcpServer needs a name: new SluiceMcpServer({ name: \"my-tools\", tools: [...] }).");
    }
    this.options = options;
    this.name = options.name;
    this.logger = options.logger ?? silentLogger;
    const { container } = options;
    this.resolve = container ? (token) => container.resolve(token) : (token) => this.ownService(token);
    this.setTools(options.tools);
  }

  private ownService<T>(token: unknown): T {
    if (token === Tokens.Logger) return this.logger as T;
    if (token === Tokens.Clock) return systemClock as T;
    throw new ConfigurationError(
      `Nothing is registered for ${String(token)}: give the server a tsyringe container that holds it, new SluiceMcpServer({ container }) (registerSluice() from "@sluice/core/di" makes one).`,
    );
  }

  /** The tools served now. */
  get tools(): ServedTool[] {
    return [...this.byName.values()];
  }

  /** Replaces the served tools and tells every connected client that the list changed. */
  setTools(tools: readonly ServedTool[]): void {
    if (!Array.isArray(tools)) throw new ConfigurationError("SluiceMcpServer's tools must be an array of tools (defineTool(...), agentAsTool(...)).");
    // The registry applies the same name and schema checks an agent would.
    const registry = new ToolRegistry(tools);
    this.byName = new Map(registry.list().map((tool) => [tool.name, tool as ServedTool]));
    for (const server of this.live) void server.sendToolListChanged().catch(() => undefined);
  }

  /**
   * A new protocol server answering `tools/list` and `tools/call` with these tools, for one
   * connection. `serveStdio` and `serveHttp` use it; call it yourself to attach another transport.
   */
  createServer(): Server {
    const server = new Server(
      { name: this.name, version: this.options.version ?? sluiceMcpVersion },
      { capabilities: { tools: { listChanged: true } }, ...(this.options.instructions && { instructions: this.options.instructions }) },
    );
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: this.tools.map(describeTool) }));
    server.setRequestHandler(CallToolRequestSchema, (request, extra) => {
      const progressToken = request.params._meta?.progressToken;
      const reportProgress =
        progressToken === undefined
          ? undefined
          : (progress: number, total?: number, message?: string) =>
              extra.sendNotification({
                method: "notifications/progress",
                params: { progressToken, progress, ...(total !== undefined && { total }), ...(message !== undefined && { message }) },
              });
      return this.call(request.params.name, request.params.arguments, extra.signal, String(extra.requestId), reportProgress);
    });
    this.live.add(server);
    server.onclose = () => this.live.delete(server);
    return server;
  }

  /** Serves over this process's stdin and stdout until the client disconnects (or `close()`). */
  async serveStdio(): Promise<{ close(): Promise<void> }> {
    const server = this.createServer();
    await server.connect(new StdioServerTransport());
    const endpoint = { close: () => server.close() };
    this.endpoints.add(endpoint);
    return endpoint;
  }

  /** Serves over streamable HTTP on its own port (sessions kept per client). */
  async serveHttp(options: McpHttpOptions = {}): Promise<McpHttpEndpoint> {
    const endpoint = await serveHttp(() => this.createServer(), options);
    this.endpoints.add(endpoint);
    return endpoint;
  }

  /** Stops every endpoint this server started and closes every connection. */
  async close(): Promise<void> {
    await Promise.all([...this.endpoints].map((endpoint) => endpoint.close()));
    this.endpoints.clear();
    await Promise.all([...this.live].map((server) => server.close().catch(() => undefined)));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  private async call(
    name: string,
    input: unknown,
    signal: AbortSignal,
    callId: string,
    reportProgress: McpToolContext["reportProgress"],
  ): Promise<CallToolResult> {
    const tool = this.byName.get(name);
    if (!tool) {
      throw new McpError(ErrorCode.InvalidParams, `There is no tool named ${JSON.stringify(name)}. Available tools: ${[...this.byName.keys()].join(", ")}.`);
    }
    const timeoutMs = tool.timeoutMs ?? this.options.toolTimeoutMs ?? defaultToolTimeoutMs;
    const controller = new AbortController();
    const onCancel = () => controller.abort(signal.reason);
    signal.addEventListener("abort", onCancel, { once: true });
    const timer = setTimeout(() => controller.abort(new AbortError(`Tool ${name} timed out after ${timeoutMs} ms.`)), timeoutMs);
    const context: McpToolContext = {
      signal: controller.signal,
      toolUseId: callId,
      step: 0,
      runId: callId,
      context: {},
      resolve: this.resolve,
      ...(reportProgress && { reportProgress }),
    };
    try {
      const running = tool.invoke(input ?? {}, context);
      const stopped = new Promise<never>((_resolve, reject) => {
        controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
      });
      running.catch(() => undefined);
      stopped.catch(() => undefined);
      const output = await Promise.race([running, stopped]);
      return toolOutputToMcpResult(output, tool.outputSchema !== undefined);
    } catch (error) {
      if (signal.aborted) throw error; // the client cancelled: the SDK sends no answer
      const message = error instanceof Error ? error.message : String(error);
      if (controller.signal.aborted) return errorResult(`The tool ${name} did not finish within ${timeoutMs} ms and was cancelled.`);
      if (ToolInputError.isInstance(error)) return errorResult(`Invalid input for ${name}: ${message}`);
      this.logger.warn({ mcpServer: this.name, tool: name, error: message }, "served tool failed");
      return errorResult(`The tool ${name} failed: ${message}`);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener("abort", onCancel);
    }
  }
}

function describeTool(tool: ServedTool): Tool {
  return {
    name: tool.name,
    ...(tool.title && { title: tool.title }),
    ...(tool.description && { description: tool.description }),
    inputSchema: tool.inputSchema as Tool["inputSchema"],
    ...(tool.outputSchema && { outputSchema: tool.outputSchema as Tool["outputSchema"] }),
    ...(tool.annotations && { annotations: tool.annotations }),
  };
}

function errorResult(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}
