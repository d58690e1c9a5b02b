import { SluiceError } from "@sluice/core";

/**
 * An MCP server answered a request with a protocol error (for example an unknown tool or
 * invalid arguments, JSON-RPC code -32602), or the request timed out (code -32001). A tool
 * that ran and failed is not this error: its result comes back with `status: "error"`.
 *
 * @example
 * catch (error) { if (McpRequestError.isInstance(error) && error.timedOut) console.warn("slow server"); }
 */
export class McpRequestError extends SluiceError {
  readonly server: string;
  /** The JSON-RPC error code, when the server sent one. */
  readonly rpcCode: number | undefined;
  /** True when the request was abandoned after its timeout. */
  readonly timedOut: boolean;

  constructor(server: string, message: string, options: { cause?: unknown; rpcCode?: number; timedOut?: boolean } = {}) {
    super("mcp-request", message, { cause: options.cause, isRetryable: options.timedOut === true });
    this.server = server;
    this.rpcCode = options.rpcCode;
    this.timedOut = options.timedOut ?? false;
  }
}
