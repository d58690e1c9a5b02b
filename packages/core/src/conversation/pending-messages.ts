import type { Message } from "@aws-sdk/client-bedrock-runtime";
import { ConversationValidationError } from "../errors/conversation-error.js";
import type { Conversation } from "./conversation.js";
import { checkMessage, deepFreeze, toolUseIds, usesTools, type SeenToolUseIds } from "./message-rules.js";

/**
 * The messages of one turn that are not in the conversation yet, each checked once, when it
 * arrives, against the committed history and the turn's earlier messages (so every request
 * built from them satisfies Bedrock's rules without walking the history again). Checked messages
 * are frozen, so nothing can change them between the check and the commit.
 *
 * @example
 * const pending = new PendingMessages(conversation, false);
 * pending.add(userMessage); // throws ConversationValidationError naming the path of a problem
 * conversation.appendChecked(pending.messages, false, pending.revision);
 */
export class PendingMessages implements SeenToolUseIds {
  readonly messages: Message[] = [];
  /** The conversation's revision the messages were checked against. */
  readonly revision: number;
  private readonly ids = new Set<string>();
  private readonly keep: number;
  private readonly dropped: readonly string[];
  private tools = false;

  constructor(
    private readonly conversation: Conversation,
    readonly replacesLast: boolean,
  ) {
    this.revision = conversation.revision;
    this.keep = replacesLast ? Math.max(conversation.length - 1, 0) : conversation.length;
    this.dropped = replacesLast ? toolUseIds(conversation.lastMessage, true) : [];
  }

  /** Whether the history plus these messages hold tool blocks (requests then need a toolConfig). */
  get usesTools(): boolean {
    return this.tools || this.conversation.usesTools;
  }

  has(id: string): boolean {
    return this.ids.has(id) || (this.conversation.hasToolUseId(id) && !this.dropped.includes(id));
  }

  /** The rule `message` breaks as the next message, or undefined; nothing is added. */
  private problemWith(message: Message): string | undefined {
    const previous = this.messages.length > 0 ? this.messages[this.messages.length - 1] : this.conversation.messages[this.keep - 1];
    return checkMessage(message, previous, this.keep + this.messages.length, this);
  }

  /** Checks `message` and adds it, or throws `ConversationValidationError` (prefixed with `context`) and adds nothing. */
  add(message: Message, context?: string): void {
    const problem = this.addIfValid(message);
    if (problem) throw new ConversationValidationError(context ? `${context}: ${problem}` : problem, this.keep + this.messages.length);
  }

  /** Checks `message` and adds it; or returns the rule it breaks and adds nothing. */
  addIfValid(message: Message): string | undefined {
    const problem = this.problemWith(message);
    if (!problem) this.push(message);
    return problem;
  }

  /** Adds messages checked when an earlier run paused (a resumed run continues from them). */
  addAll(messages: readonly Message[]): void {
    for (const message of messages) this.add(message);
  }

  private push(message: Message): void {
    this.messages.push(deepFreeze(message));
    for (const id of toolUseIds(message, true)) this.ids.add(id);
    if (!this.tools && usesTools(message)) this.tools = true;
  }

  /** The committed history followed by these messages: the `messages` of the next request. */
  requestMessages(): Message[] {
    const base = this.conversation.messages;
    if (this.keep === base.length) return base.concat(this.messages);
    return base.slice(0, this.keep).concat(this.messages);
  }
}
