/**
 * The version this package reports to MCP peers in the handshake.
 *
 * @example
 * new SluiceMcpServer({ name: "tools", version: sluiceMcpVersion, tools });
 */
export const sluiceMcpVersion = "0.1.0";
