import type { ConversationSnapshot } from "./conversation.js";

/**
 * Where an agent keeps conversations between runs and processes, by conversation ID. The agent
 * loads the snapshot when it is created with a `conversationId` and saves it after each turn.
 *
 * @example
 * const agent = new Agent({ modelId, conversationId: "user-42", store: new InMemoryConversationStore() });
 */
export interface ConversationStore {
  load(conversationId: string): Promise<ConversationSnapshot | undefined>;
  save(conversationId: string, snapshot: ConversationSnapshot): Promise<void>;
  delete(conversationId: string): Promise<void>;
}

/**
 * A `ConversationStore` in process memory (snapshots are copied in and out, so stored state
 * cannot be changed from outside).
 *
 * @example
 * const store = new InMemoryConversationStore();
 */
export class InMemoryConversationStore implements ConversationStore {
  private readonly snapshots = new Map<string, string>();

  async load(conversationId: string): Promise<ConversationSnapshot | undefined> {
    const text = this.snapshots.get(conversationId);
    return text === undefined ? undefined : (JSON.parse(text) as ConversationSnapshot);
  }

  async save(conversationId: string, snapshot: ConversationSnapshot): Promise<void> {
    this.snapshots.set(conversationId, JSON.stringify(snapshot));
  }

  async delete(conversationId: string): Promise<void> {
    this.snapshots.delete(conversationId);
  }
}
