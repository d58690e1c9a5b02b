import type { Tool as McpTool } from "@modelcontextprotocol/sdk/types.js";
import { ConfigurationError } from "@sluice/core";

/**
 * A tool as an MCP server lists it (`tools/list`): name, description, JSON Schemas, annotations.
 *
 * @example
 * const readOnly = (tool: McpToolInfo) => tool.annotations?.readOnlyHint === true;
 */
export type McpToolInfo = McpTool;

/**
 * What every server configuration may say, whatever its transport.
 *
 * @example
 * const options: McpServerOptions = { name: "files", toolPrefix: "fs", tools: ["read_file"], timeoutMs: 10_000 };
 */
export interface McpServerOptions {
  /**
   * Names the server in errors and logs, and is the prefix that tells apart two servers' tools of
   * the same name. Default: the name the server gives itself in the MCP handshake.
   */
  name?: string;
  /** Prefix every tool name of this server with `<toolPrefix>_` (by default only clashing names get a prefix). */
  toolPrefix?: string;
  /** Only these tools (by their MCP names), or the tools this function accepts. Default: all. */
  tools?: readonly string[] | ((tool: McpToolInfo) => boolean);
  /** Milliseconds a tool call may take before it is cancelled. Default: 60,000 (or the agent's `toolTimeoutMs` when lower). */
  timeoutMs?: number;
  /** Milliseconds to start the server and finish the MCP handshake. Default 30,000. */
  connectTimeoutMs?: number;
}

/**
 * A local MCP server started as a child process, spoken to over its stdin and stdout.
 *
 * @example
 * const files: McpStdioServer = { name: "files", command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"] };
 */
export interface McpStdioServer extends McpServerOptions {
  command: string;
  args?: readonly string[];
  /** Variables added to the child's environment (which otherwise holds only PATH, HOME and a few other safe ones). */
  env?: Record<string, string>;
  cwd?: string;
  /**
   * What becomes of the server's stderr: `pipe` (default) keeps its last lines for error
   * messages and passes each line to the logger at debug level; `inherit` prints it; `ignore` drops it.
   */
  stderr?: "pipe" | "inherit" | "ignore";
}

/**
 * A remote MCP server spoken to over streamable HTTP.
 *
 * @example
 * const docs: McpHttpServer = { name: "docs", url: "https://mcp.example.com/mcp", headers: { authorization: `Bearer ${token}` } };
 */
export interface McpHttpServer extends McpServerOptions {
  url: string | URL;
  /** Headers sent with every request (for example an API key). */
  headers?: Record<string, string>;
}

/**
 * Where an MCP server is and how to reach it: a command (stdio) or a URL (streamable HTTP).
 *
 * @example
 * const servers: McpServerConfig[] = [{ command: "node", args: ["server.js"] }, { url: "http://localhost:3000/mcp" }];
 */
export type McpServerConfig = McpStdioServer | McpHttpServer;

/**
 * Default milliseconds of one MCP tool call.
 *
 * @example
 * McpClient.connect({ command: "my-server", timeoutMs: 2 * defaultMcpCallTimeoutMs });
 */
export const defaultMcpCallTimeoutMs = 60_000;
/**
 * Default milliseconds to start a server and finish the handshake.
 *
 * @example
 * McpClient.connect({ command: "slow-server", connectTimeoutMs: 2 * defaultMcpConnectTimeoutMs });
 */
export const defaultMcpConnectTimeoutMs = 30_000;

/** True for a configuration that starts a local process. */
export function isStdioServer(config: McpServerConfig): config is McpStdioServer {
  return typeof (config as McpStdioServer).command === "string";
}

/** Checks a server configuration before anything is started; throws a `ConfigurationError` saying what to fix. */
export function validateServerConfig(config: McpServerConfig): void {
  if (typeof config !== "object" || config === null) {
    throw new ConfigurationError('An MCP server configuration must be an object: { command, args? } for stdio or { url } for streamable HTTP.');
  }
  const hasCommand = "command" in config && config.command !== undefined;
  const hasUrl = "url" in config && config.url !== undefined;
  if (hasCommand === hasUrl) {
    throw new ConfigurationError(
      "An MCP server configuration needs exactly one of command (a local server started over stdio) and url (a streamable HTTP server).",
    );
  }
  if (hasCommand && (typeof config.command !== "string" || config.command.trim() === "")) {
    throw new ConfigurationError("The MCP server's command must be a non-blank string, e.g. { command: \"npx\", args: [\"-y\", \"some-mcp-server\"] }.");
  }
  if (hasUrl) {
    const url = (config as McpHttpServer).url;
    let parsed: URL | undefined;
    try {
      parsed = new URL(String(url));
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
      throw new ConfigurationError(`The MCP server URL ${JSON.stringify(String(url))} is not an http:// or https:// URL.`);
    }
  }
  for (const key of ["timeoutMs", "connectTimeoutMs"] as const) {
    const value = config[key];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value <= 0)) {
      throw new ConfigurationError(`The MCP server option ${key} must be a positive number of milliseconds; got ${String(value)}.`);
    }
  }
  if (config.toolPrefix !== undefined && (typeof config.toolPrefix !== "string" || !/[a-zA-Z0-9]/.test(config.toolPrefix))) {
    throw new ConfigurationError(`The MCP server option toolPrefix must contain a letter or digit; got ${JSON.stringify(config.toolPrefix)}.`);
  }
  const stderr = (config as McpStdioServer).stderr;
  if (stderr !== undefined && stderr !== "pipe" && stderr !== "inherit" && stderr !== "ignore") {
    throw new ConfigurationError(`The MCP server option stderr must be "pipe", "inherit" or "ignore"; got ${JSON.stringify(stderr)}.`);
  }
}

/** A readable label for a server before its handshake names it: the command or the URL's host and path. */
export function describeServer(config: McpServerConfig): string {
  if (config.name) return config.name;
  if (isStdioServer(config)) return [config.command, ...(config.args ?? [])].join(" ");
  const url = new URL(String(config.url));
  return `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
}
