import { SluiceError } from "./sluice-error.js";

/**
 * A `ConversationStore`'s `load()` or `save()` threw. The message says what happened to the turn:
 * a failed load ran no turn; a failed save committed nothing to the agent's conversation (the
 * store itself may hold the new state if it failed after writing). `cause` holds the store's error.
 *
 * @example
 * catch (error) { if (ConversationStoreError.isInstance(error) && error.operation === "save") retryLater(); }
 */
export class ConversationStoreError extends SluiceError {
  readonly operation: "load" | "save";
  readonly conversationId: string;

  constructor(operation: "load" | "save", conversationId: string, message: string, cause: unknown) {
    super("conversation-store", message, { cause });
    this.operation = operation;
    this.conversationId = conversationId;
  }
}
