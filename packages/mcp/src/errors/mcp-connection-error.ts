import { SluiceError } from "@sluice/core";

/**
 * An MCP server could not be reached: its command failed to start, it exited before answering,
 * its URL refused the connection, or the MCP handshake (`initialize`) failed. `server` names the
 * server as configured; `stderr` holds the last lines it wrote, when it is a local process.
 *
 * @example
 * try { await McpClient.connect({ command: "no-such-server" }); }
 * catch (error) { if (McpConnectionError.isInstance(error)) console.error(error.message, error.stderr); }
 */
export class McpConnectionError extends SluiceError {
  readonly server: string;
  readonly stderr: string | undefined;

  constructor(server: string, message: string, options: { cause?: unknown; stderr?: string } = {}) {
    super("mcp-connection", message, { cause: options.cause, isRetryable: true });
    this.server = server;
    this.stderr = options.stderr;
  }
}
