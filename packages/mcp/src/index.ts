// Public API of @sluice/mcp: MCP servers' tools as Sluice agent tools, and Sluice tools served over MCP.

// Client side: using MCP servers' tools
export { McpClient, type McpCallOptions, type McpClientOptions } from "./client/mcp-client.js";
export { McpToolset, type McpAgentTool } from "./client/mcp-toolset.js";
export type {
  McpHttpServer,
  McpServerConfig,
  McpServerOptions,
  McpStdioServer,
  McpToolInfo,
} from "./client/mcp-server-config.js";
export type { McpCallResult } from "./client/mcp-result-to-tool-output.js";
export type { ToolNameRequest } from "./client/tool-names.js";

// Errors
export { McpConnectionError } from "./errors/mcp-connection-error.js";
export { McpServerClosedError } from "./errors/mcp-server-closed-error.js";
export { McpRequestError } from "./errors/mcp-request-error.js";

// Server side: serving Sluice tools and agents over MCP
export { SluiceMcpServer, type SluiceMcpServerOptions } from "./server/sluice-mcp-server.js";
export { serveHttp, type McpHttpEndpoint, type McpHttpOptions } from "./server/serve-http.js";
export { agentAsTool, type AgentAsToolOptions } from "./server/agent-as-tool.js";
export type { McpToolContext, ServedTool } from "./server/served-tool.js";
