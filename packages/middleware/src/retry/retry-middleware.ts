import { BedrockError, SluiceError, type MiddlewareObject, type ModelCall, type ModelNext, type ModelResult } from "@sluice/core";
import { retryableBedrockErrors } from "@sluice/core/internal";
import { StreamInterruptedError } from "../errors/stream-interrupted-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { abortableSleep } from "../shared/abortable-sleep.js";
import { checkOptions, choiceOption, functionOption, integerOption, booleanOption, stringListOption } from "../shared/options.js";
import { recoverableStream } from "../shared/recoverable-stream.js";
import { backoffDelay, type BackoffPolicy, type Jitter } from "./backoff.js";

/** Bedrock's transient exceptions: throttling, capacity and server faults (core's `retryableBedrockErrors`). */
export const defaultRetryableErrors: readonly string[] = retryableBedrockErrors;

/** Node and AWS SDK error codes of a connection that broke or could not be made: worth another try. */
const networkErrorCodes = new Set(["ECONNRESET", "ECONNREFUSED", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "ERR_HTTP2_STREAM_ERROR", "ERR_HTTP2_SESSION_ERROR", "ERR_HTTP2_GOAWAY_SESSION"]);

/**
 * True for a dropped or refused connection (not a Sluice error, which carries its own verdict).
 *
 * @example
 * isNetworkError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })); // true
 */
export function isNetworkError(error: unknown): boolean {
  if (SluiceError.isInstance(error) || typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && networkErrorCodes.has(code);
}

/** What `onRetry` is told before each wait. */
export interface RetryEvent {
  /** The attempt that failed (1 for the first). */
  attempt: number;
  /** How long the middleware waits before the next attempt. */
  delayMs: number;
  error: unknown;
  /** The Bedrock error name, when the error came from Bedrock. */
  errorName: string | undefined;
  /** True when the error arrived as an exception frame inside the stream. */
  inStream: boolean;
  modelId: string;
}

/** Options of `retryMiddleware`. */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. */
  maxAttempts?: number;
  /** Delay before the first retry, doubled for each further one. Default 250 ms. */
  baseDelayMs?: number;
  /** Longest wait between two attempts. Default 20,000 ms. */
  maxDelayMs?: number;
  /** How the delay is randomised. Default `full`. */
  jitter?: Jitter;
  /** Bedrock exception names to retry. Default `defaultRetryableErrors`. */
  retryOn?: string[];
  /** Also retry an idle `TimeoutError` from a timeout middleware placed inside this one. Default true. */
  retryIdleTimeouts?: boolean;
  /** Also retry a dropped or refused connection (`ECONNRESET`, `ECONNREFUSED`, `EPIPE`…). Default true. */
  retryNetworkErrors?: boolean;
  /** Called before each wait (for metrics or logs). */
  onRetry?: (event: RetryEvent) => void;
  /** Random numbers in [0, 1) for the jitter; tests pass a fixed one. Default `Math.random`. */
  random?: () => number;
}

const owner = "retryMiddleware";

/**
 * Retries model calls that failed with a transient Bedrock error — throttling (HTTP 429),
 * service unavailable, internal server error, model not ready, model timeout — with
 * exponential backoff and jitter. For streams it also retries an exception frame that arrives
 * before any part of the answer reached the caller; after that, a transient failure becomes a
 * `StreamInterruptedError` (the agent rolls the turn back, so the conversation stays valid).
 * Dropped connections are retried alike. Validation, access and other client errors are never
 * retried; waits end at once when the run is aborted.
 *
 * The AWS SDK retries HTTP-level throttling on its own (`maxAttempts`, default 3), before this
 * middleware sees the error; the attempts multiply. Build the client with `maxAttempts: 1` to
 * leave retries to this middleware (the SDK never retries errors inside a stream).
 *
 * @example
 * const client = createBedrockClient({ region: "us-east-1", maxAttempts: 1 });
 * const agent = new Agent({ modelId, client, middleware: [retryMiddleware({ maxAttempts: 5 })] });
 */
export function retryMiddleware(options: RetryOptions = {}): MiddlewareObject {
  checkOptions(owner, options, ["maxAttempts", "baseDelayMs", "maxDelayMs", "jitter", "retryOn", "retryIdleTimeouts", "retryNetworkErrors", "onRetry", "random"]);
  const maxAttempts = integerOption(owner, "maxAttempts", options.maxAttempts) ?? 4;
  const policy: BackoffPolicy = {
    baseDelayMs: integerOption(owner, "baseDelayMs", options.baseDelayMs, 0) ?? 250,
    maxDelayMs: integerOption(owner, "maxDelayMs", options.maxDelayMs, 0) ?? 20_000,
    jitter: choiceOption(owner, "jitter", options.jitter, ["full", "equal", "none"]) ?? "full",
  };
  const retryOn = new Set(stringListOption(owner, "retryOn", options.retryOn) ?? defaultRetryableErrors);
  const retryIdleTimeouts = booleanOption(owner, "retryIdleTimeouts", options.retryIdleTimeouts) ?? true;
  const retryNetworkErrors = booleanOption(owner, "retryNetworkErrors", options.retryNetworkErrors) ?? true;
  const onRetry = functionOption<(event: RetryEvent) => void>(owner, "onRetry", options.onRetry);
  const random = functionOption<() => number>(owner, "random", options.random) ?? Math.random;

  const isTransient = (error: unknown): boolean =>
    (BedrockError.isInstance(error) && retryOn.has(error.errorName)) ||
    (retryIdleTimeouts && TimeoutError.isInstance(error) && error.kind === "idle") ||
    (retryNetworkErrors && isNetworkError(error));

  async function retry(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    let attempt = 0;
    const waitOrThrow = async (error: unknown): Promise<void> => {
      if (!isTransient(error) || attempt >= maxAttempts || call.signal.aborted) throw error;
      const delayMs = backoffDelay(attempt, policy, random);
      onRetry?.({
        attempt,
        delayMs,
        error,
        errorName: BedrockError.isInstance(error) ? error.errorName : undefined,
        inStream: BedrockError.isInstance(error) && error.inStream,
        modelId: call.request.modelId,
      });
      await abortableSleep(delayMs, call.signal);
    };
    const open = async (): Promise<ModelResult> => {
      for (;;) {
        attempt += 1;
        try {
          return await next();
        } catch (error) {
          await waitOrThrow(error);
        }
      }
    };

    return recoverableStream(await open(), {
      beforeOutput: async (error) => {
        await waitOrThrow(error);
        return open();
      },
      afterOutput: (error) => (isTransient(error) ? new StreamInterruptedError(error, attempt) : error),
    });
  }

  return { name: "retry", model: retry };
}
