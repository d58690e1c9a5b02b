import { ConfigurationError, ModelResult, type ConverseStreamOutput, type MiddlewareObject, type ModelCall, type ModelNext } from "@sluice/core";
import { TimeoutError, type TimeoutKind } from "../errors/timeout-error.js";
import { linkSignals, nextWithSignal } from "../shared/next-with-signal.js";
import { checkOptions, integerOption } from "../shared/options.js";

/** Options of `timeoutMiddleware`; give at least one. */
export interface TimeoutOptions {
  /** Longest a whole model call may take, from the request to the last stream event. */
  deadlineMs?: number;
  /** Streaming calls: longest wait for the first event and between two events. */
  idleTimeoutMs?: number;
}

const owner = "timeoutMiddleware";

/**
 * Gives every model call a deadline, and streaming calls an idle timeout between events. When
 * either runs out, the HTTP request is aborted (Bedrock stops generating) and the call fails
 * with a `TimeoutError` (`kind` `deadline` or `idle`). Placed inside `retryMiddleware`, the
 * limits apply per attempt and idle timeouts are retried; placed outside, the deadline covers
 * all attempts together.
 *
 * @example
 * new Agent({ modelId, middleware: [retryMiddleware(), timeoutMiddleware({ deadlineMs: 60_000, idleTimeoutMs: 10_000 })] });
 */
export function timeoutMiddleware(options: TimeoutOptions): MiddlewareObject {
  checkOptions(owner, options, ["deadlineMs", "idleTimeoutMs"]);
  const deadlineMs = integerOption(owner, "deadlineMs", options?.deadlineMs);
  const idleTimeoutMs = integerOption(owner, "idleTimeoutMs", options?.idleTimeoutMs);
  if (deadlineMs === undefined && idleTimeoutMs === undefined) {
    throw new ConfigurationError(`${owner}: give deadlineMs, idleTimeoutMs or both (in milliseconds).`);
  }

  async function timeout(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const controller = new AbortController();
    const linked = linkSignals(call.signal, controller.signal);
    let fired: TimeoutError | undefined;
    let expire!: (error: TimeoutError) => void;
    const expired = new Promise<never>((_resolve, reject) => (expire = reject));
    expired.catch(() => undefined);
    const fire = (kind: TimeoutKind, limit: number) => {
      if (fired) return;
      fired = new TimeoutError(kind, limit, call.request.modelId);
      controller.abort(fired);
      expire(fired);
    };
    const deadline = deadlineMs === undefined ? undefined : setTimeout(() => fire("deadline", deadlineMs), deadlineMs);
    let idle: NodeJS.Timeout | undefined;
    const stopIdle = () => clearTimeout(idle);
    const startIdle = () => {
      if (idleTimeoutMs === undefined || !call.streaming) return;
      stopIdle();
      idle = setTimeout(() => fire("idle", idleTimeoutMs), idleTimeoutMs);
    };
    const finish = () => {
      clearTimeout(deadline);
      stopIdle();
      linked.unlink();
    };
    const race = <T>(work: Promise<T>): Promise<T> => {
      work.catch(() => undefined); // it may still reject after the timeout won the race
      return Promise.race([work, expired]).catch((error: unknown) => {
        throw fired ?? error;
      });
    };

    let result: ModelResult;
    try {
      startIdle(); // time to the first event counts as idle time for a stream
      result = await race(nextWithSignal(call, next, linked.signal));
      stopIdle();
      if (result.complete) {
        finish();
        return result;
      }
    } catch (error) {
      finish();
      throw error;
    }

    const upstream = result;
    return ModelResult.fromEvents(
      (async function* timed(): AsyncGenerator<ConverseStreamOutput> {
        const iterator = upstream[Symbol.asyncIterator]();
        let done = false;
        try {
          for (;;) {
            startIdle();
            const step = await race(iterator.next());
            stopIdle(); // the caller's own time between events does not count as idle
            if (step.done) {
              done = true;
              return;
            }
            yield step.value;
          }
        } finally {
          finish();
          // Stopped early or timed out: let the upstream stream clean up, without waiting on it.
          if (!done) iterator.return?.().catch(() => undefined);
        }
      })(),
    );
  }

  return { name: "timeout", model: timeout };
}
