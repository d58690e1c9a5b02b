import type { OperationName } from "../server/operation-name.js";

/**
 * What happens when a fault fires.
 * - `error`: the call is answered with the exception as an HTTP error (before any stream starts).
 * - `stream-error`: a streaming call sends `afterEvents` events, then an exception frame.
 * - `disconnect`: the connection is dropped (socket destroyed; RST_STREAM on HTTP/2), after
 *   `afterEvents` events for streams (0 = before any response byte).
 * - `truncate`: a streaming call sends `afterEvents` events and ends the stream cleanly, with no
 *   `messageStop` (a proxy or load balancer cutting a response short).
 * - `corrupt`: a streaming call sends `afterEvents` events, then a frame whose checksum is wrong
 *   (damaged bytes), and ends.
 * - `latency`: the answer is delayed by `delayMs`; combines with the other kinds.
 */
export type FaultEffect =
  | { type: "error"; exception: string; message?: string; members?: Record<string, unknown> }
  | { type: "stream-error"; exception: string; afterEvents?: number; message?: string; members?: Record<string, unknown> }
  | { type: "disconnect"; afterEvents?: number }
  | { type: "truncate"; afterEvents?: number }
  | { type: "corrupt"; afterEvents?: number }
  | { type: "latency"; delayMs: number };

/**
 * A fault and when it fires. Scope: `modelId` and `operations` (all when absent). Schedule, among
 * the calls in scope: `firstCalls` (calls 1..K), `everyNth` (calls N, 2N, …), `probability` with a
 * seeded generator (`seed`, default 1) — deterministic across runs; with none of them, every call.
 * `times` caps how often it fires.
 *
 * @example
 * const fault: FaultRule = { operations: ["Converse"], firstCalls: 2, effect: { type: "error", exception: "ThrottlingException" } };
 */
export interface FaultRule {
  id?: string;
  modelId?: string;
  operations?: OperationName[];
  firstCalls?: number;
  everyNth?: number;
  probability?: number;
  seed?: number;
  times?: number;
  effect: FaultEffect;
}
