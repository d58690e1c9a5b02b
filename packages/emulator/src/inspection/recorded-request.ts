import type { OperationName } from "../server/operation-name.js";

/**
 * One request the emulator received, as recorded for inspection.
 */
export interface RecordedRequest {
  /** Sequence number, starting at 1 after each reset. */
  readonly sequence: number;
  /** The `x-amzn-RequestId` the emulator answered with. */
  readonly requestId: string;
  readonly receivedAt: Date;
  /** Undefined for paths that match no operation. */
  readonly operation?: OperationName;
  /** Decoded model identifier from the path. */
  readonly modelId?: string;
  readonly method: string;
  /** The raw, still percent-encoded path (with query string). */
  readonly rawPath: string;
  readonly httpVersion: string;
  /** Request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body (native body for InvokeModel), or undefined if not JSON. */
  readonly body: unknown;
  /** The raw body bytes as text (UTF-8). */
  readonly rawBody: string;
  /** Filled when the answer is known: HTTP status and the exception name for errors. */
  response?: { status: number; exception?: string; fault?: string };
}
