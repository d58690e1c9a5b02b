import { request as http1Request } from "node:http";
import { createConnection } from "node:net";
import { connect } from "node:http2";
import { describe, expect, it } from "vitest";
import { DualProtocolServer } from "./dual-protocol-server.js";

function getOverHttp1(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http1Request({ host: "127.0.0.1", port, path: "/hello", agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve(`${response.httpVersion} ${body}`));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("DualProtocolServer", () => {
  it("serves HTTP/1.1 and prior-knowledge HTTP/2 on one port", async () => {
    const server = new DualProtocolServer((request, response) => response.end(`version ${request.httpVersion}`));
    const { port } = await server.listen(0, "127.0.0.1");
    expect(await getOverHttp1(port)).toBe("1.1 version 1.1");
    const session = connect(`http://127.0.0.1:${port}`);
    const body = await new Promise<string>((resolve, reject) => {
      const stream = session.request({ ":path": "/hello" });
      let text = "";
      stream.on("data", (chunk) => (text += chunk));
      stream.on("end", () => resolve(text));
      stream.on("error", reject);
    });
    expect(body).toBe("version 2.0");
    session.close();
    await server.close();
  });

  it("keeps an idle HTTP/1.1 connection open for keepAliveTimeoutMs, announces it, then closes it", async () => {
    const server = new DualProtocolServer((_request, response) => response.end("ok"), 1_000);
    const { port } = await server.listen(0, "127.0.0.1");
    // A raw socket, so only the server can close the connection.
    const socket = createConnection({ host: "127.0.0.1", port });
    let received = "";
    socket.on("data", (chunk) => (received += chunk));
    const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now())));
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
    while (!received.endsWith("ok")) await new Promise((resolve) => setTimeout(resolve, 10));
    const answered = Date.now();
    expect(received).toMatch(/\r\nKeep-Alive: timeout=1\r\n/i);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(server.connectionCount).toBe(1);
    const idleFor = (await closed) - answered;
    expect(idleFor).toBeGreaterThanOrEqual(900);
    expect(idleFor).toBeLessThan(4_000);
    await server.close();
  });

  it("closes every open connection, including idle keep-alive and HTTP/2 sessions", async () => {
    const server = new DualProtocolServer((_request, response) => response.end("ok"));
    const { port } = await server.listen(0, "127.0.0.1");
    const session = connect(`http://127.0.0.1:${port}`);
    session.on("error", () => undefined);
    await new Promise<void>((resolve) => session.request({ ":path": "/" }).on("end", resolve).resume());
    expect(server.connectionCount).toBe(1);
    await server.close();
    expect(server.connectionCount).toBe(0);
    expect(server.listening).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(session.destroyed || session.closed).toBe(true);
  });
});
