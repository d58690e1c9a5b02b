import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ToolListChangedNotificationSchema, type Implementation } from "@modelcontextprotocol/sdk/types.js";
import { AbortError, type Logger, type ToolOutput } from "@sluice/core";
import { silentLogger } from "@sluice/core/internal";
import { McpConnectionError } from "../errors/mcp-connection-error.js";
import { McpServerClosedError } from "../errors/mcp-server-closed-error.js";
import { sluiceMcpVersion } from "../version.js";
import { trackChildProcess, untrackChildProcess } from "./child-process-registry.js";
import { mcpResultToToolOutput } from "./mcp-result-to-tool-output.js";
import {
  defaultMcpCallTimeoutMs,
  defaultMcpConnectTimeoutMs,
  describeServer,
  isStdioServer,
  validateServerConfig,
  type McpServerConfig,
  type McpToolInfo,
} from "./mcp-server-config.js";
import { translateMcpError } from "./translate-mcp-error.js";
import { StderrTail } from "./stderr-tail.js";

/**
 * Options of `McpClient.connect` besides the server's own configuration.
 *
 * @example
 * await McpClient.connect(server, { logger: consoleLogger, clientInfo: { name: "my-app", version: "1.2.0" } });
 */
export interface McpClientOptions {
  /** Receives the server's stderr lines (debug) and tool-list refresh failures (warn). */
  logger?: Logger;
  /** How this client introduces itself in the handshake. Default `{ name: "sluice", version }`. */
  clientInfo?: Implementation;
}

/**
 * Per-call options of `callTool`.
 *
 * @example
 * await client.callTool("search", { query: "mcp" }, { signal: AbortSignal.timeout(5_000), timeoutMs: 5_000 });
 */
export interface McpCallOptions {
  /** Aborting cancels the call (the server is sent `notifications/cancelled`). */
  signal?: AbortSignal;
  /** Milliseconds before the call is abandoned; default the server's `timeoutMs` (60,000). */
  timeoutMs?: number;
}

/**
 * A connection to one MCP server, over stdio (a child process) or streamable HTTP. It lists the
 * server's tools, keeps the list current when the server announces a change, and calls tools,
 * turning their results into `toolResult` content. Close it with `close()` or `await using`.
 * To give the tools to an agent, use `McpToolset`, which names them for Bedrock.
 *
 * @example
 * await using client = await McpClient.connect({ command: "node", args: ["server.js"] });
 * const output = await client.callTool("get-sum", { a: 2, b: 3 });
 */
export class McpClient {
  // Bundling renames a class that names itself in its body (to _McpClient); errors and logs report this name.
  static {
    Object.defineProperty(this, "name", { value: "McpClient" });
  }

  /** The server's name: as configured, else as it introduced itself. */
  readonly name: string;
  readonly config: McpServerConfig;
  private readonly client: Client;
  private readonly transport: Transport;
  private readonly stderr: StderrTail;
  private readonly logger: Logger;
  private list: McpToolInfo[] = [];
  private readonly listeners = new Set<(tools: readonly McpToolInfo[]) => void>();
  private closing: Promise<void> | undefined;
  private lost = false;
  private processId: number | null = null;
  private requested = 0;
  private applied = 0;

  private constructor(config: McpServerConfig, client: Client, transport: Transport, stderr: StderrTail, logger: Logger) {
    this.config = config;
    this.client = client;
    this.transport = transport;
    this.stderr = stderr;
    this.logger = logger;
    this.name = config.name ?? client.getServerVersion()?.name ?? describeServer(config);
  }

  /**
   * Starts (stdio) or reaches (HTTP) the server, completes the MCP handshake and lists its tools.
   * Throws `McpConnectionError` when the server cannot be started or reached.
   */
  static async connect(config: McpServerConfig, options: McpClientOptions = {}): Promise<McpClient> {
    validateServerConfig(config);
    const label = describeServer(config);
    const logger = options.logger ?? silentLogger;
    const stderr = new StderrTail(20, (line) => logger.debug({ mcpServer: label, stderr: line }, "MCP server stderr"));
    const transport = createTransport(config, stderr);
    const client = new Client(options.clientInfo ?? { name: "sluice", version: sluiceMcpVersion }, { capabilities: {} });
    try {
      await client.connect(transport, { timeout: config.connectTimeoutMs ?? defaultMcpConnectTimeoutMs });
    } catch (error) {
      await client.close().catch(() => undefined);
      throw connectionError(config, label, error, stderr.text());
    }
    const connected = new McpClient(config, client, transport, stderr, logger);
    connected.processId = transport instanceof StdioClientTransport ? transport.pid : null;
    trackChildProcess(connected.processId);
    client.onclose = () => connected.onClosed();
    // Listen before the first listing: servers may add tools right after the handshake.
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      if (connected.closed) return;
      connected.refreshTools().catch((error: unknown) => {
        logger.warn({ mcpServer: connected.name, error: messageOf(error) }, "could not refresh the MCP server's tool list after it changed");
      });
    });
    try {
      await connected.refreshTools();
    } catch (error) {
      await connected.close();
      throw new McpConnectionError(connected.name, `MCP server "${connected.name}" connected but could not list its tools: ${messageOf(error)}`, {
        cause: error,
        stderr: stderr.text(),
      });
    }
    return connected;
  }

  /** The server's tools as last listed (kept current when the server announces changes). */
  get tools(): readonly McpToolInfo[] {
    return this.list;
  }

  /** The name and version the server gave in the handshake. */
  get serverInfo(): Implementation | undefined {
    return this.client.getServerVersion();
  }

  /** The server's instructions for the model, if it sent any. */
  get instructions(): string | undefined {
    return this.client.getInstructions();
  }

  /** The server's process ID (stdio servers), or undefined for HTTP servers. */
  get pid(): number | undefined {
    return this.processId ?? undefined;
  }

  /** True once the connection has ended (closed by `close()` or lost). */
  get closed(): boolean {
    return this.closing !== undefined || this.lost;
  }

  /** Lists the server's tools again (all pages), keeps the list and tells the listeners. */
  async refreshTools(): Promise<readonly McpToolInfo[]> {
    this.assertOpen();
    const sequence = ++this.requested;
    const tools: McpToolInfo[] = [];
    let cursor: string | undefined;
    try {
      do {
        const page = await this.client.listTools(cursor === undefined ? {} : { cursor }, { timeout: this.config.connectTimeoutMs ?? defaultMcpConnectTimeoutMs });
        tools.push(...page.tools);
        cursor = page.nextCursor;
      } while (cursor);
    } catch (error) {
      throw translateMcpError(error, this.name, this.lost || this.closed, this.stderr.text());
    }
    // Two refreshes may overlap (a change announced during another listing): the later one wins.
    if (sequence < this.applied) return this.list;
    this.applied = sequence;
    this.list = tools.filter((tool) => this.selected(tool));
    for (const listener of this.listeners) listener(this.list);
    return this.list;
  }

  /** Calls `listener` with the new list whenever the server's tool list changes. Returns a function that stops it. */
  onToolsChanged(listener: (tools: readonly McpToolInfo[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls a tool by its MCP name and returns its result as `toolResult` content (`isError`
   * becomes `status: "error"`). Throws `McpServerClosedError` when the server is gone,
   * `McpRequestError` for a protocol error or a timeout, and core's `AbortError` when aborted.
   */
  async callTool(name: string, input: unknown, options: McpCallOptions = {}): Promise<ToolOutput> {
    this.assertOpen();
    const { signal } = options;
    if (signal?.aborted) throw new AbortError(`The call of MCP tool "${name}" was aborted.`, { cause: signal.reason });
    const args = input === undefined || input === null ? {} : (input as Record<string, unknown>);
    try {
      const result = await this.client.callTool({ name, arguments: args }, undefined, {
        timeout: options.timeoutMs ?? this.config.timeoutMs ?? defaultMcpCallTimeoutMs,
        ...(signal && { signal }),
      });
      return mcpResultToToolOutput(result);
    } catch (error) {
      if (signal?.aborted) throw new AbortError(`The call of MCP tool "${name}" was aborted.`, { cause: signal.reason });
      throw translateMcpError(error, this.name, this.lost || this.closed, this.stderr.text(), name);
    }
  }

  /** Ends the session: stops the server process (stdin closed, then SIGTERM, then SIGKILL) or ends the HTTP session. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  private async shutDown(): Promise<void> {
    this.listeners.clear();
    if (this.transport instanceof StreamableHTTPClientTransport && !this.lost) {
      // Tell the server the session is over; a server that does not keep sessions answers 405, which is fine.
      await this.transport.terminateSession().catch(() => undefined);
    }
    await this.client.close().catch(() => undefined);
    untrackChildProcess(this.processId);
  }

  private onClosed(): void {
    if (this.closing) return;
    this.lost = true;
    untrackChildProcess(this.processId);
    this.logger.warn({ mcpServer: this.name, stderr: this.stderr.text() }, "the MCP server closed the connection");
  }

  private assertOpen(): void {
    if (this.closing) throw new McpServerClosedError(this.name, `The MCP client for "${this.name}" was closed; connect again to use its tools.`);
    if (this.lost) {
      throw new McpServerClosedError(this.name, `The MCP server "${this.name}" is no longer running (its connection closed).`, { stderr: this.stderr.text() });
    }
  }

  private selected(tool: McpToolInfo): boolean {
    const filter = this.config.tools;
    if (filter === undefined) return true;
    return typeof filter === "function" ? filter(tool) : filter.includes(tool.name);
  }
}

function createTransport(config: McpServerConfig, stderr: StderrTail): Transport {
  if (isStdioServer(config)) {
    const mode = config.stderr ?? "pipe";
    const transport = new StdioClientTransport({
      command: config.command,
      args: [...(config.args ?? [])],
      ...(config.env && { env: config.env }),
      ...(config.cwd && { cwd: config.cwd }),
      stderr: mode,
    });
    if (mode === "pipe") stderr.attach(transport.stderr);
    return transport;
  }
  return new StreamableHTTPClientTransport(new URL(String(config.url)), {
    ...(config.headers && { requestInit: { headers: config.headers } }),
  });
}

function connectionError(config: McpServerConfig, label: string, error: unknown, stderr: string | undefined): McpConnectionError {
  const detail = messageOf(error);
  const printed = stderr ? `\nIt printed:\n${stderr}` : "";
  if (isStdioServer(config)) {
    const code = (error as { code?: unknown }).code;
    const message =
      code === "ENOENT"
        ? `Could not start MCP server "${label}": the command ${JSON.stringify(config.command)} was not found. Check the command and PATH.`
        : `MCP server "${label}" did not complete the MCP handshake: ${detail}.${printed}`;
    return new McpConnectionError(label, message, { cause: error, ...(stderr !== undefined && { stderr }) });
  }
  return new McpConnectionError(label, `Could not connect to MCP server at ${String(config.url)}: ${detail}.`, { cause: error });
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause?.message;
  return typeof cause === "string" && !message.includes(cause) ? `${message} (${cause})` : message;
}
