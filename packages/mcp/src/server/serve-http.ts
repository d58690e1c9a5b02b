import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";

/**
 * Where and how `serveHttp` listens.
 *
 * @example
 * await server.serveHttp({ port: 3000, host: "127.0.0.1", path: "/mcp" });
 */
export interface McpHttpOptions {
  /** Port; default 0 (a free port, see `url`). */
  port?: number;
  /** Interface; default `127.0.0.1`. On a loopback address, requests whose Host header names another host are refused (DNS-rebinding protection). */
  host?: string;
  /** Path of the MCP endpoint; default `/mcp`. */
  path?: string;
  /** Largest request body in bytes; default 4 MiB. */
  maxBodyBytes?: number;
}

/**
 * A running streamable HTTP endpoint.
 *
 * @example
 * const endpoint = await server.serveHttp(); console.log(endpoint.url); await endpoint.close();
 */
export interface McpHttpEndpoint {
  /** The MCP endpoint's URL, e.g. `http://127.0.0.1:3000/mcp`. */
  readonly url: string;
  /** Open MCP sessions. */
  readonly sessionCount: number;
  /** Ends every session and stops listening. */
  close(): Promise<void>;
}

const loopback = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * Serves MCP over streamable HTTP: a session per client (its `Mcp-Session-Id`), each with its
 * own protocol server from `createServer`, all on one port.
 *
 * @example
 * const endpoint = await serveHttp(() => sluiceServer.createServer(), { port: 0 });
 */
export async function serveHttp(createMcpServer: () => Server, options: McpHttpOptions = {}): Promise<McpHttpEndpoint> {
  const host = options.host ?? "127.0.0.1";
  const path = options.path ?? "/mcp";
  const maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; server: Server }>();
  let allowedHosts: string[] | undefined;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (new URL(request.url ?? "/", "http://localhost").pathname !== path) {
      response.writeHead(404, { "content-type": "text/plain" }).end(`Not found: the MCP endpoint is ${path}\n`);
      return;
    }
    const body = request.method === "POST" ? await readJson(request, maxBodyBytes) : undefined;
    if (body === tooLarge) {
      response.writeHead(413, { "content-type": "application/json" }).end(rpcError(-32600, `Request body over ${maxBodyBytes} bytes.`));
      return;
    }
    if (body === malformed) {
      response.writeHead(400, { "content-type": "application/json" }).end(rpcError(-32700, "Request body is not valid JSON."));
      return;
    }
    const sessionId = request.headers["mcp-session-id"];
    let session = typeof sessionId === "string" ? sessions.get(sessionId) : undefined;
    if (!session) {
      if (typeof sessionId === "string" || request.method !== "POST" || !isInitializeRequest(body)) {
        response.writeHead(404, { "content-type": "application/json" }).end(rpcError(-32001, "Unknown or missing session; start with an initialize request."));
        return;
      }
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => void sessions.set(id, created),
        onsessionclosed: (id) => void sessions.delete(id),
        ...(allowedHosts && { enableDnsRebindingProtection: true, allowedHosts }),
      });
      const server = createMcpServer();
      const created = { transport, server };
      transport.onclose = () => {
        if (transport.sessionId) sessions.delete(transport.sessionId);
      };
      await server.connect(transport);
      session = created;
    }
    await session.transport.handleRequest(request, response, body);
  };

  const http = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(rpcError(-32603, `Internal error: ${error instanceof Error ? error.message : String(error)}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 0, host, () => {
      http.off("error", reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  if (loopback.has(host)) allowedHosts = [...loopback].flatMap((name) => [name, `${name}:${port}`, `[${name}]:${port}`]);
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}${path}`,
    get sessionCount() {
      return sessions.size;
    },
    close: async () => {
      await Promise.all([...sessions.values()].map(({ server }) => server.close().catch(() => undefined)));
      sessions.clear();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

const tooLarge = Symbol("too large");
const malformed = Symbol("malformed");

async function readJson(request: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return tooLarge;
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    return malformed;
  }
}

function rpcError(code: number, message: string): string {
  return JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null });
}
