import { createServer as createHttpServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer as createHttp2Server } from "node:http2";
import type { Http2ServerRequest, Http2ServerResponse, Http2Session } from "node:http2";
import { createServer as createNetServer } from "node:net";
import type { AddressInfo, Socket } from "node:net";

/** The request handler shared by both protocols (Node's HTTP/2 compatibility API mirrors HTTP/1.1). */
export type DualProtocolHandler = (
  request: IncomingMessage | Http2ServerRequest,
  response: ServerResponse | Http2ServerResponse,
) => void;

// "PRI * HTTP/2.0": no HTTP/1.1 request can start with the method PRI.
const http2PrefaceStart = "PRI";

/**
 * One port serving HTTP/1.1 (keep-alive) and cleartext HTTP/2 with prior knowledge (h2c): a `net`
 * server peeks at each connection's first bytes and hands the socket to the HTTP/2 server when
 * they start the HTTP/2 preface, else to the HTTP/1.1 server. The AWS SDK's default handler
 * speaks h2c; fetch-based clients speak HTTP/1.1.
 *
 * @example
 * const server = new DualProtocolServer((request, response) => response.end("ok"));
 * const address = await server.listen(0, "127.0.0.1");
 * await server.close();
 */
export class DualProtocolServer {
  private readonly netServer = createNetServer({ noDelay: true });
  private readonly httpServer;
  private readonly http2Server;
  private readonly sockets = new Set<Socket>();
  private readonly sessions = new Set<Http2Session>();

  /** `keepAliveTimeoutMs`: how long an idle HTTP/1.1 connection stays open (Node's default, 5 s, when left out). */
  constructor(handler: DualProtocolHandler, keepAliveTimeoutMs?: number) {
    this.httpServer = createHttpServer({ keepAlive: true, noDelay: true }, handler);
    if (keepAliveTimeoutMs !== undefined) this.httpServer.keepAliveTimeout = keepAliveTimeoutMs;
    this.http2Server = createHttp2Server({}, handler);
    this.http2Server.on("session", (session: Http2Session) => {
      this.sessions.add(session);
      session.once("close", () => this.sessions.delete(session));
    });
    this.netServer.on("connection", (socket) => this.accept(socket));
  }

  /** Open connections (both protocols). */
  get connectionCount(): number {
    return this.sockets.size;
  }

  get listening(): boolean {
    return this.netServer.listening;
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.netServer.once("error", reject);
      this.netServer.listen(port, host, () => {
        this.netServer.off("error", reject);
        resolve(this.netServer.address() as AddressInfo);
      });
    });
  }

  /** Stops listening and ends every connection and HTTP/2 session. */
  async close(): Promise<void> {
    const listenerClosed = new Promise<void>((done) => {
      if (!this.netServer.listening) done();
      else this.netServer.close(() => done());
    });
    const socketsClosed = [...this.sockets].map(
      (socket) => new Promise<void>((done) => (socket.destroyed && socket.closed ? done() : socket.once("close", () => done()))),
    );
    for (const session of this.sessions) session.destroy();
    for (const socket of this.sockets) socket.destroy();
    this.httpServer.closeAllConnections();
    await Promise.all([listenerClosed, ...socketsClosed]);
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
    socket.once("error", () => socket.destroy());
    socket.once("data", (firstBytes: Buffer) => {
      socket.pause();
      socket.unshift(firstBytes);
      const http2 = firstBytes.subarray(0, http2PrefaceStart.length).toString("latin1") === http2PrefaceStart;
      if (http2) {
        // The HTTP/2 session reads the buffered bytes itself on the next tick; resuming here
        // would flush them to no listener.
        this.http2Server.emit("connection", socket);
        return;
      }
      this.httpServer.emit("connection", socket);
      socket.resume();
    });
  }
}
