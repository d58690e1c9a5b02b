import { ConversationConflictError } from "../errors/conversation-conflict-error.js";
import type { ConversationSnapshot } from "./conversation.js";

/**
 * Where an agent keeps conversations between runs and processes, by conversation ID. The agent
 * loads the snapshot when it is created with a `conversationId` and saves it after each turn.
 *
 * A store shared by several processes should implement `loadWithRevision` as well: the agent then
 * passes the revision it loaded to `save` (`options.expectedRevision`), and the store refuses a
 * save whose revision is no longer current with a `ConversationConflictError`, so two writers
 * never silently overwrite each other's turns. Stores without it keep the plain
 * `load` / `save(id, snapshot)` behaviour (the last save wins).
 *
 * @example
 * const agent = new Agent({ modelId, conversationId: "user-42", store: new InMemoryConversationStore() });
 */
export interface ConversationStore {
  load(conversationId: string): Promise<ConversationSnapshot | undefined>;
  /**
   * Stores the snapshot. With `options.expectedRevision`, only if the stored revision is that one
   * (0: only if nothing is stored), else rejects with `ConversationConflictError` writing nothing;
   * resolves with the new revision.
   */
  save(conversationId: string, snapshot: ConversationSnapshot, options?: ConversationSaveOptions): Promise<void | SavedConversation>;
  delete(conversationId: string): Promise<void>;
  /** The snapshot with its revision (a number that grows with every save), for optimistic concurrency. */
  loadWithRevision?(conversationId: string): Promise<StoredConversation | undefined>;
}

/** A stored conversation and its revision, from `ConversationStore.loadWithRevision`. */
export interface StoredConversation {
  snapshot: ConversationSnapshot;
  /** Grows with every save (1 after the first); 0 is never stored. */
  revision: number;
}

/** Options of `ConversationStore.save`. */
export interface ConversationSaveOptions {
  /** Save only if the stored revision is this one (0: only if the conversation is not stored). */
  expectedRevision?: number;
}

/** What a store with revisions resolves `save` with. */
export interface SavedConversation {
  /** The revision just written. */
  revision: number;
}

/**
 * A `ConversationStore` in process memory (snapshots are copied in and out, so stored state
 * cannot be changed from outside), with revisions: agents of one process sharing it get a
 * `ConversationConflictError` instead of overwriting each other's turns.
 *
 * @example
 * const store = new InMemoryConversationStore();
 */
export class InMemoryConversationStore implements ConversationStore {
  private readonly entries = new Map<string, { text: string; revision: number }>();

  async load(conversationId: string): Promise<ConversationSnapshot | undefined> {
    return (await this.loadWithRevision(conversationId))?.snapshot;
  }

  async loadWithRevision(conversationId: string): Promise<StoredConversation | undefined> {
    const entry = this.entries.get(conversationId);
    return entry === undefined ? undefined : { snapshot: JSON.parse(entry.text) as ConversationSnapshot, revision: entry.revision };
  }

  async save(conversationId: string, snapshot: ConversationSnapshot, options: ConversationSaveOptions = {}): Promise<SavedConversation> {
    const current = this.entries.get(conversationId)?.revision ?? 0;
    if (options.expectedRevision !== undefined && options.expectedRevision !== current) {
      throw new ConversationConflictError(conversationId, options.expectedRevision, current);
    }
    const revision = current + 1;
    this.entries.set(conversationId, { text: JSON.stringify(snapshot), revision });
    return { revision };
  }

  async delete(conversationId: string): Promise<void> {
    this.entries.delete(conversationId);
  }
}
