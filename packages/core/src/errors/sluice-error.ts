const marker = Symbol.for("sluice.error");

/** What an atomic turn discarded when it failed; attached to the error that ended the turn. */
export interface RollbackInfo {
  /** Messages of the failed turn that were not kept (user input, assistant replies, tool results). */
  discardedMessages: number;
  /** Length of the conversation after the rollback: the same as before the turn started. */
  conversationLength: number;
}

export interface SluiceErrorOptions {
  cause?: unknown;
}

/**
 * Base class of every error Sluice throws. `SluiceError.isInstance(value)` works across
 * realms and duplicate package copies, where `instanceof` may not.
 *
 * @example
 * try { await agent.send("hi"); } catch (error) { if (SluiceError.isInstance(error)) console.log(error.code); }
 */
export class SluiceError extends Error {
  private readonly [marker] = true;
  /** Stable machine-readable code, e.g. `configuration`, `bedrock`, `conversation-invalid`. */
  readonly code: string;
  /** Whether retrying the same call may succeed. */
  readonly isRetryable: boolean;
  /**
   * Set on every error an agent run rejects with: `true` when the run's turn is not in the
   * conversation (it was rolled back, or never started), so sending the same input again cannot
   * duplicate it; `false` when the turn was committed before the error (do not send it again).
   */
  rolledBack?: boolean;
  /** With `rolledBack: true` after a turn started: what the rollback discarded. */
  rollback?: RollbackInfo;

  constructor(code: string, message: string, options: SluiceErrorOptions & { isRetryable?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.isRetryable = options.isRetryable ?? false;
  }

  static isInstance(value: unknown): value is SluiceError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
