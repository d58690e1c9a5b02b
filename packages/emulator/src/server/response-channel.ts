import type { ServerResponse } from "node:http";
import { constants as http2Constants } from "node:http2";
import type { Http2ServerResponse } from "node:http2";

/**
 * One response, over HTTP/1.1 or HTTP/2, with the few things the handlers need: a complete JSON
 * answer, a streamed answer, and dropping the connection the way a failing network would
 * (socket destroyed on HTTP/1.1, RST_STREAM on HTTP/2).
 *
 * @example
 * channel.sendJson(200, { "x-amzn-RequestId": requestId }, '{"inputTokens":3}');
 */
export class ResponseChannel {
  constructor(private readonly response: ServerResponse | Http2ServerResponse) {}

  /** True once the client went away or the response was dropped. */
  get closed(): boolean {
    const response = this.response as unknown as {
      destroyed?: boolean;
      stream?: { destroyed: boolean; closed: boolean };
      socket?: { destroyed: boolean } | null;
    };
    if (response.stream !== undefined) return response.stream.destroyed || response.stream.closed;
    return response.destroyed === true || response.socket == null || response.socket.destroyed;
  }

  sendJson(status: number, headers: Record<string, string | number>, body: string): void {
    headers["Content-Type"] = "application/json";
    headers["Content-Length"] = Buffer.byteLength(body);
    this.send(status, headers, body);
  }

  send(status: number, headers: Record<string, string | number>, body: string | Uint8Array): void {
    if (this.closed) return;
    (this.response as ServerResponse).writeHead(status, headers);
    (this.response as ServerResponse).end(body);
  }

  startStream(status: number, headers: Record<string, string | number>): void {
    (this.response as ServerResponse).writeHead(status, headers);
  }

  /** Writes bytes; resolves when the transport accepted them (waits for drain under back-pressure). */
  write(bytes: Uint8Array): Promise<void> | undefined {
    if (this.closed) return undefined;
    const accepted = (this.response as ServerResponse).write(bytes);
    if (accepted) return undefined;
    return new Promise((resolve) => {
      const done = (): void => {
        this.response.off("drain", done);
        this.response.off("close", done);
        resolve();
      };
      this.response.on("drain", done);
      this.response.on("close", done);
    });
  }

  end(bytes?: Uint8Array): void {
    if (this.closed) return;
    if (bytes === undefined) (this.response as ServerResponse).end();
    else (this.response as ServerResponse).end(bytes);
  }

  /** Drops the connection without a proper end. */
  drop(): void {
    const http2Response = this.response as Http2ServerResponse;
    if ("stream" in http2Response && http2Response.stream !== undefined) {
      http2Response.stream.close(http2Constants.NGHTTP2_INTERNAL_ERROR);
      return;
    }
    (this.response as ServerResponse).socket?.destroy();
  }
}
