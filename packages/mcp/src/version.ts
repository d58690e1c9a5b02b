/** The version this package reports to MCP peers in the handshake. */
export const sluiceMcpVersion = "0.1.0";
