import { SluiceError } from "@sluice/core";

/**
 * The conversation did not fit the model's context window, and reducing it with the
 * conversation manager did not help (or the manager could not reduce it further). `cause`
 * holds the last error from Bedrock.
 *
 * @example
 * catch (error) { if (ContextOverflowError.isInstance(error)) await startFreshConversation(); }
 */
export class ContextOverflowError extends SluiceError {
  /** Messages in the request that overflowed first, and in the reduced request (if one was sent). */
  readonly originalMessageCount: number;
  readonly reducedMessageCount: number | undefined;

  constructor(message: string, details: { cause?: unknown; originalMessageCount: number; reducedMessageCount?: number }) {
    super("context-overflow", message, { cause: details.cause });
    this.originalMessageCount = details.originalMessageCount;
    this.reducedMessageCount = details.reducedMessageCount;
  }
}
