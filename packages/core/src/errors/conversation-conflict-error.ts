import { SluiceError } from "./sluice-error.js";

/**
 * A `ConversationStore` refused a save because the conversation changed in the store since it was
 * loaded (another process or agent saved a turn first). Nothing was written: the stored
 * conversation is the other writer's. An agent that gets this error rolls its turn back and
 * reloads the conversation before its next run, so sending the same input again runs the turn on
 * top of the latest state.
 *
 * @example
 * try { await agent.send(input); } catch (error) { if (ConversationConflictError.isInstance(error)) await agent.send(input); }
 */
export class ConversationConflictError extends SluiceError {
  readonly conversationId: string;
  /** The revision the writer loaded (0: it expected no stored conversation). */
  readonly expectedRevision: number;
  /** The revision found in the store, when the store can tell (0: the conversation was deleted). */
  readonly actualRevision: number | undefined;

  constructor(conversationId: string, expectedRevision: number, actualRevision: number | undefined) {
    const found = actualRevision === undefined ? "" : actualRevision === 0 ? " (it was deleted)" : ` (found revision ${actualRevision})`;
    super(
      "conversation-conflict",
      `Conversation "${conversationId}" changed in the store since revision ${expectedRevision} was loaded${found}: the save was refused and nothing was written. ` +
        "Reload the conversation and run the turn again (an agent reloads by itself before its next run).",
      { isRetryable: true },
    );
    this.conversationId = conversationId;
    this.expectedRevision = expectedRevision;
    this.actualRevision = actualRevision;
  }
}
