import type { FaultDecision } from "../faults/fault-injector.js";
import type { RecordedRequest } from "../inspection/recorded-request.js";
import type { ResolvedModel } from "../models/model-catalog.js";
import { httpDate } from "./date-header.js";
import type { EmulatorState } from "./emulator-state.js";
import type { OperationName } from "./operation-name.js";
import type { ResponseChannel } from "./response-channel.js";

/** Everything an operation handler needs for one call. */
export interface CallContext {
  readonly state: EmulatorState;
  readonly operation: OperationName;
  readonly model: ResolvedModel;
  readonly requestId: string;
  /** `performance.now()` when the request was received, for latency figures. */
  readonly startedAt: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body parsed as JSON; undefined when it is empty or not JSON. */
  readonly body: unknown;
  readonly channel: ResponseChannel;
  readonly fault: FaultDecision;
  readonly record: RecordedRequest;
  /** Aborted when the emulator closes; pending delays end early. */
  readonly signal: AbortSignal;
}

/**
 * Milliseconds since the request was received, at least 1 (as the service reports latencies).
 *
 * @example
 * latencySince(context); // 3
 */
export function latencySince(context: CallContext): number {
  return Math.max(1, Math.round(performance.now() - context.startedAt));
}

/**
 * Headers every operation response carries (a fresh object the caller may add to).
 *
 * @example
 * baseHeaders(requestId); // { "x-amzn-RequestId": requestId, Date: "Mon, 03 Mar 2025 04:51:28 GMT" }
 */
export function baseHeaders(requestId: string): Record<string, string | number> {
  return { "x-amzn-RequestId": requestId, Date: httpDate() };
}
