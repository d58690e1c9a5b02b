import type { Message, SystemContentBlock, TokenUsage, ToolConfiguration } from "@aws-sdk/client-bedrock-runtime";
import { ConversationValidationError } from "../errors/conversation-error.js";
import { checkMessage, deepFreeze, toolUseIds, usesTools, type SeenToolUseIds } from "./message-rules.js";
import { messageToJson, systemToJson } from "./json-codec.js";
import { readConversationSnapshot } from "./snapshot-reader.js";
import { checkSystemBlocks } from "./content-rules.js";
import { addUsage, emptyUsage, type Usage } from "./usage.js";

/** A conversation as plain JSON (binary fields as base64), from `snapshot()`, for `Conversation.restore()`. */
export interface ConversationSnapshot {
  format: "sluice.conversation";
  version: 1;
  messages: unknown[];
  system?: unknown[];
  toolConfig?: unknown;
  usage: Usage;
}

/** What a new `Conversation` starts from; every message is checked as if appended. */
export interface ConversationInit {
  messages?: readonly Message[];
  system?: readonly SystemContentBlock[];
  toolConfig?: ToolConfiguration;
}

/**
 * The history of one conversation with a model: messages, system prompt, tool configuration
 * and cumulative token usage. Every append is checked against Bedrock's rules, so the history
 * can always be sent; stored messages are frozen, so nothing outside can corrupt them.
 *
 * @example
 * const conversation = new Conversation({ system: [{ text: "You are terse." }] });
 * conversation.append({ role: "user", content: [{ text: "Hello" }] });
 * const copy = Conversation.restore(JSON.parse(JSON.stringify(conversation.snapshot())));
 */
export class Conversation {
  // Bundling renames a class that names itself in its body (to _Conversation); errors and logs report this name.
  static {
    Object.defineProperty(this, "name", { value: "Conversation" });
  }

  private readonly list: Message[] = [];
  /** Every toolUse ID in the history (IDs must be unique in a conversation), kept as messages are appended. */
  private readonly ids = new Set<string>();
  /** How many stored messages hold toolUse or toolResult blocks (Bedrock then requires a toolConfig). */
  private toolMessages = 0;
  /** Bumped on every change to the messages, so a turn checked against one state knows when it is stale. */
  private changes = nextRevision();
  system: SystemContentBlock[] | undefined;
  toolConfig: ToolConfiguration | undefined;
  private readonly totals: Usage = emptyUsage();

  constructor(init: ConversationInit = {}) {
    if (init.system !== undefined) {
      const problem = checkSystemBlocks(init.system);
      if (problem) throw new ConversationValidationError(problem, 0);
    }
    this.system = init.system ? [...init.system] : undefined;
    this.toolConfig = init.toolConfig;
    if (init.messages) this.appendAll(init.messages);
  }

  /** The messages, oldest first. The array is a read-only view; use `append` to add. */
  get messages(): readonly Message[] {
    return this.list;
  }

  get length(): number {
    return this.list.length;
  }

  get lastMessage(): Message | undefined {
    return this.list[this.list.length - 1];
  }

  /** Token usage added up over every model call of this conversation. */
  get usage(): Readonly<Usage> {
    return this.totals;
  }

  /** True when the last assistant message asked for tools that no user message answered yet. */
  get hasUnansweredToolUse(): boolean {
    return toolUseIds(this.lastMessage).length > 0;
  }

  /** True when some stored message holds toolUse or toolResult blocks, so requests need a toolConfig. */
  get usesTools(): boolean {
    return this.toolMessages > 0;
  }

  /** Identifies the current history: it changes with every change to the messages (of this conversation or a fork). */
  get revision(): number {
    return this.changes;
  }

  /** Whether `id` is the ID of a stored toolUse. */
  hasToolUseId(id: string): boolean {
    return this.ids.has(id);
  }

  /** Checks `message` against Bedrock's rules and appends it, or throws and changes nothing. */
  append(message: Message): void {
    this.appendAll([message]);
  }

  /**
   * Appends several messages as one unit: all are checked first, then all are added, or none.
   * With `replacesLast`, the first message takes the place of the current last message (used to
   * add new input to a trailing user message that holds tool results).
   */
  appendAll(messages: readonly Message[], options: { replacesLast?: boolean } = {}): void {
    const keep = options.replacesLast ? Math.max(this.list.length - 1, 0) : this.list.length;
    const problem = this.problemAfter(keep, messages);
    if (problem) throw new ConversationValidationError(problem.text, problem.index);
    this.replaceTail(keep, messages);
  }

  /**
   * Appends messages already checked, one by one as they arrived, against this conversation at
   * `revision` (see `PendingMessages`): when nothing changed since, they are not walked again.
   * @internal
   */
  appendChecked(messages: readonly Message[], replacesLast: boolean, revision: number): void {
    if (revision !== this.changes) {
      this.appendAll(messages, { replacesLast });
      return;
    }
    this.replaceTail(replacesLast ? Math.max(this.list.length - 1, 0) : this.list.length, messages);
  }

  private replaceTail(keep: number, messages: readonly Message[]): void {
    while (this.list.length > keep) this.forget(this.list.pop() as Message);
    for (const message of messages) {
      this.list.push(deepFreeze(message));
      for (const id of toolUseIds(message, true)) this.ids.add(id);
      if (usesTools(message)) this.toolMessages += 1;
    }
    this.changes = nextRevision();
  }

  private forget(message: Message): void {
    for (const id of toolUseIds(message, true)) this.ids.delete(id);
    if (usesTools(message)) this.toolMessages -= 1;
  }

  /** Returns where `messages` would break Bedrock's rules if appended, or undefined when they fit. */
  check(messages: readonly Message[]): string | undefined {
    return this.problemAfter(this.list.length, messages)?.text;
  }

  /** The first rule `messages` break when they follow the first `keep` stored messages. */
  private problemAfter(keep: number, messages: readonly Message[]): { text: string; index: number } | undefined {
    if (!Array.isArray(messages)) return { text: `messages must be an array of messages, not ${typeof messages}.`, index: keep };
    let previous = this.list[keep - 1];
    const dropped = keep < this.list.length ? toolUseIds(this.list[keep], true) : [];
    const added = new Set<string>();
    const seen: SeenToolUseIds = { has: (id) => added.has(id) || (this.ids.has(id) && !dropped.includes(id)) };
    for (let offset = 0; offset < messages.length; offset += 1) {
      const message = messages[offset] as Message;
      const text = checkMessage(message, previous, keep + offset, seen);
      if (text) return { text, index: keep + offset };
      for (const id of toolUseIds(message, true)) added.add(id);
      previous = message;
    }
    return undefined;
  }

  /** Adds a model call's usage to the running total. */
  addUsage(usage: TokenUsage | undefined): void {
    addUsage(this.totals, usage);
  }

  /** A plain-JSON copy of the whole conversation (binary fields as base64). */
  snapshot(): ConversationSnapshot {
    return {
      format: "sluice.conversation",
      version: 1,
      messages: this.list.map(messageToJson),
      ...(this.system && { system: systemToJson(this.system) as unknown[] }),
      ...(this.toolConfig && { toolConfig: JSON.parse(JSON.stringify(this.toolConfig)) as unknown }),
      usage: { ...this.totals },
    };
  }

  /**
   * Rebuilds a conversation from `snapshot()` output (for example JSON from a store). The shape,
   * every message and the usage counters are checked; a problem throws a
   * `ConversationValidationError` naming its path (`messages[3].content[0]: ...`). Keys such as
   * `__proto__` never reach the restored objects.
   */
  static restore(snapshot: ConversationSnapshot): Conversation {
    const read = readConversationSnapshot(snapshot);
    const conversation = new Conversation({
      messages: read.messages,
      ...(read.system && { system: read.system }),
      ...(read.toolConfig !== undefined && { toolConfig: read.toolConfig }),
    });
    Object.assign(conversation.totals, read.usage);
    return conversation;
  }

  /** An independent copy to branch from; later appends to either do not affect the other. */
  fork(): Conversation {
    const copy = new Conversation({
      ...(this.system && { system: this.system }),
      ...(this.toolConfig && { toolConfig: this.toolConfig }),
    });
    // Stored messages are frozen, so the branches can share them.
    for (const message of this.list) copy.list.push(message);
    for (const id of this.ids) copy.ids.add(id);
    copy.toolMessages = this.toolMessages;
    copy.changes = this.changes;
    Object.assign(copy.totals, this.totals);
    return copy;
  }
}


let revisions = 0;

/** Revisions are unique across conversations, so a fork and its trunk never share one after they diverge. */
function nextRevision(): number {
  revisions += 1;
  return revisions;
}
