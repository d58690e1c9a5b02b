import { SluiceError } from "./sluice-error.js";

/**
 * A store (conversations, cache, rate limits) could not be reached, or its connection dropped
 * during a call. A read changed nothing. A write either took effect whole or not at all (never
 * in part); which one is unknown when the connection dropped after the request was sent, so a
 * writer with a revision should reload before retrying. `cause` holds the driver's error.
 *
 * @example
 * catch (error) { if (StoreUnavailableError.isInstance(error)) scheduleRetry(); }
 */
export class StoreUnavailableError extends SluiceError {
  /** Which store, e.g. `RedisConversationStore`. */
  readonly store: string;
  /** What it was doing, e.g. `save`, `get`. */
  readonly operation: string;

  constructor(store: string, operation: string, message: string, cause: unknown) {
    super("store-unavailable", message, { cause, isRetryable: true });
    this.store = store;
    this.operation = operation;
  }
}
