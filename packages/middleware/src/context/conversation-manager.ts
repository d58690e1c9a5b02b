import type { Message, ModelRequest, ModelResponse } from "@sluice/core";

/** What a conversation manager is told when asked to reduce a conversation. */
export interface ReduceOptions {
  /**
   * True when the messages did not fit (the model refused them): the result must drop at
   * least one message, or the manager throws a `ContextOverflowError` if it cannot.
   */
  mustShrink: boolean;
  /** The request the messages belong to (for its model ID, system prompt and tools). */
  request?: ModelRequest;
  signal?: AbortSignal;
  /**
   * Sends a request to the model and returns the answer (inside the context-overflow
   * middleware it goes through the rest of the pipeline); used by the summarising manager.
   */
  complete?: (request: ModelRequest) => Promise<ModelResponse>;
}

/**
 * Decides which messages of a conversation to send when it gets too long. A manager never
 * separates an assistant `toolUse` from the user `toolResult` that answers it, and always
 * returns a conversation Bedrock accepts (starting with a user message, roles alternating).
 * Use one inside `contextOverflowMiddleware`, or on its own before sending.
 *
 * @example
 * const manager = slidingWindowManager({ maxMessages: 20 });
 * const kept = await manager.reduce(agent.conversation.messages, { mustShrink: false });
 */
export interface ConversationManager {
  readonly name: string;
  reduce(messages: readonly Message[], options: ReduceOptions): Promise<Message[]>;
}
