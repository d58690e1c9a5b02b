import type { Message, SystemContentBlock, TokenUsage, ToolConfiguration } from "@aws-sdk/client-bedrock-runtime";
import { ConversationValidationError } from "../errors/conversation-error.js";
import { checkMessage, toolUseIds } from "./message-rules.js";
import { messageFromJson, messageToJson, systemFromJson, systemToJson } from "./json-codec.js";
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
  private readonly list: Message[] = [];
  system: SystemContentBlock[] | undefined;
  toolConfig: ToolConfiguration | undefined;
  private readonly totals: Usage = emptyUsage();

  constructor(init: ConversationInit = {}) {
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
    this.list.length = keep;
    for (const message of messages) this.list.push(deepFreeze(message));
  }

  /** Returns where `messages` would break Bedrock's rules if appended, or undefined when they fit. */
  check(messages: readonly Message[]): string | undefined {
    return this.problemAfter(this.list.length, messages)?.text;
  }

  /** The first rule `messages` break when they follow the first `keep` stored messages. */
  private problemAfter(keep: number, messages: readonly Message[]): { text: string; index: number } | undefined {
    let previous = this.list[keep - 1];
    for (let offset = 0; offset < messages.length; offset += 1) {
      const message = messages[offset] as Message;
      const text = checkMessage(message, previous, keep + offset);
      if (text) return { text, index: keep + offset };
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

  /** Rebuilds a conversation from `snapshot()` output; every message is checked again. */
  static restore(snapshot: ConversationSnapshot): Conversation {
    if (!snapshot || snapshot.format !== "sluice.conversation" || snapshot.version !== 1) {
      throw new ConversationValidationError(
        'Not a Sluice conversation snapshot (expected format "sluice.conversation", version 1). Pass the object that snapshot() returned.',
        0,
      );
    }
    const conversation = new Conversation({
      messages: snapshot.messages.map(messageFromJson),
      ...(snapshot.system && { system: systemFromJson(snapshot.system) }),
      ...(snapshot.toolConfig !== undefined && { toolConfig: snapshot.toolConfig as ToolConfiguration }),
    });
    Object.assign(conversation.totals, emptyUsage(), snapshot.usage);
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
    Object.assign(copy.totals, this.totals);
    return copy;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
