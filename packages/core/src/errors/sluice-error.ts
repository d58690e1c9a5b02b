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
 * realms and duplicate package copies, where `instanceof` may not, and every subclass inherits
 * it: `BedrockError.isInstance(error)` is true for a `BedrockError` (or a subclass of it) only.
 *
 * @example
 * try { await agent.send("hi"); } catch (error) { if (SluiceError.isInstance(error)) console.log(error.code); }
 */
export class SluiceError extends Error {
  /** The names of the error's classes, its own first, up to `SluiceError`: what `isInstance` reads. */
  private readonly [marker]: readonly string[];
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
    const kinds: string[] = [];
    for (let kind: Function | null = new.target; kind && kind !== Error; kind = Object.getPrototypeOf(kind) as Function | null) kinds.push(kind.name);
    this[marker] = kinds;
    this.code = code;
    this.isRetryable = options.isRetryable ?? false;
  }

  /**
   * Whether `value` is an error of this class or a subclass, judged by class names rather than
   * identity, so it holds across realms and duplicate package copies. Inherited by every subclass,
   * and bound to it: `rejects.toSatisfy(BedrockError.isInstance)` works.
   */
  declare static readonly isInstance: ErrorGuard;
}

/** The type of `isInstance`: narrows to the class it is read from (to `SluiceError` when detached). */
export interface ErrorGuard {
  <T extends SluiceError>(this: abstract new (...args: never[]) => T, value: unknown): value is T;
  (this: void, value: unknown): value is SluiceError;
}

// A getter, so that every subclass reads a guard bound to itself.
Object.defineProperty(SluiceError, "isInstance", {
  get(this: Function) {
    const name = this.name;
    return function isInstance(value: unknown): boolean {
      if (typeof value !== "object" || value === null) return false;
      const kinds = (value as Record<symbol, unknown>)[marker];
      return Array.isArray(kinds) && kinds.includes(name);
    };
  },
});
