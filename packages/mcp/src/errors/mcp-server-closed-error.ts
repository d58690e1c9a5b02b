import { SluiceError } from "@sluice/core";

/**
 * The connection to an MCP server ended: the server process exited or the HTTP session was lost
 * while a call was running, or a call was made after `close()`. In an agent run the failed call
 * becomes an error `toolResult` (or, with `toolErrors: "throw"`, the `cause` of the run's
 * `ToolExecutionError`); the conversation stays valid.
 *
 * @example
 * catch (error) { if (McpServerClosedError.isInstance(error)) await reconnect(error.server); }
 */
export class McpServerClosedError extends SluiceError {
  readonly server: string;
  readonly stderr: string | undefined;

  constructor(server: string, message: string, options: { cause?: unknown; stderr?: string } = {}) {
    super("mcp-server-closed", message, { cause: options.cause });
    this.server = server;
    this.stderr = options.stderr;
  }
}
