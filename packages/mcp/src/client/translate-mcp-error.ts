import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { SluiceError } from "@sluice/core";
import { McpRequestError } from "../errors/mcp-request-error.js";
import { McpServerClosedError } from "../errors/mcp-server-closed-error.js";

const networkCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ENOTFOUND", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);

/**
 * Turns what the MCP SDK threw during a request into a Sluice error: the connection ending (a
 * process that exited, an HTTP server gone, a session the server forgot) becomes
 * `McpServerClosedError`; a JSON-RPC error or a timeout becomes `McpRequestError`.
 */
export function translateMcpError(error: unknown, server: string, connectionEnded: boolean, stderr: string | undefined, tool?: string): SluiceError {
  if (SluiceError.isInstance(error)) return error;
  const what = tool === undefined ? "the request" : `the call of tool "${tool}"`;
  const printed = stderr ? `\nThe server's last output:\n${stderr}` : "";
  if (connectionEnded || (error instanceof McpError && error.code === ErrorCode.ConnectionClosed)) {
    return new McpServerClosedError(server, `The MCP server "${server}" closed the connection during ${what}.${printed}`, {
      cause: error,
      ...(stderr !== undefined && { stderr }),
    });
  }
  if (error instanceof StreamableHTTPError && error.code === 404) {
    return new McpServerClosedError(server, `The MCP server "${server}" no longer knows this session (HTTP 404) during ${what}; connect again.`, {
      cause: error,
    });
  }
  if (isNetworkFailure(error)) {
    return new McpServerClosedError(server, `The MCP server "${server}" could not be reached during ${what}: ${describe(error)}.`, { cause: error });
  }
  if (error instanceof McpError) {
    const timedOut = error.code === ErrorCode.RequestTimeout;
    const message = timedOut
      ? `The MCP server "${server}" did not answer ${what} in time (${describe(error)}).`
      : `The MCP server "${server}" refused ${what}: ${error.message}`;
    return new McpRequestError(server, message, { cause: error, rpcCode: error.code, timedOut });
  }
  return new McpRequestError(server, `The MCP server "${server}" failed ${what}: ${describe(error)}`, { cause: error });
}

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = (error as { code?: unknown }).code ?? cause?.code;
  return (typeof code === "string" && networkCodes.has(code)) || (error instanceof TypeError && error.message === "fetch failed");
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause?.message;
  return typeof cause === "string" && !message.includes(cause) ? `${message} (${cause})` : message;
}
