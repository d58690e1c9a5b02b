import type { Message } from "@aws-sdk/client-bedrock-runtime";
import { checkContentBlock, describe, isPlainObject } from "./content-rules.js";

/** Where earlier toolUse IDs of the conversation can be looked up (IDs must be unique in a conversation). */
export interface SeenToolUseIds {
  has(id: string): boolean;
}

/**
 * Bedrock's rules for one message given the message before it. Returns the problem in words,
 * starting with its path (`messages[3].content[0]: ...`) and saying how to fix it, or undefined
 * when the message may follow `previous`.
 *
 * Checked: the message is an object with role `user` or `assistant`; the first message is from
 * the user; roles alternate; content is a non-empty array; every block has exactly one known
 * member with a valid value (no blank or non-string text, tool input a JSON object, media with
 * bytes); tool uses and reasoning only from the assistant, tool results only from the user;
 * toolUse IDs present, well formed and unique (within the message, and against `seen`, the IDs
 * of earlier messages); every `toolUse` of an assistant message is answered by exactly one
 * `toolResult` with its ID in the next user message, and nothing else is answered.
 *
 * @example
 * checkMessage({ role: "user", content: [{ text: "" }] }, undefined, 0); // "messages[0].content[0] is a blank text block; ..."
 */
export function checkMessage(message: Message, previous: Message | undefined, index: number, seen?: SeenToolUseIds): string | undefined {
  return checkMessageIn(message, previous, index, seen, !knownValid.has(message));
}

/**
 * Frozen messages whose content passed a check. Marked only where a request's messages are
 * checked in full (a middleware replaced the array): the agent's own messages are checked as they
 * arrive and never again, so marking each of them would cost every run for nothing.
 */
const knownValid = new WeakSet<Message>();

/** Records that `message` passed `checkMessage`, when it is frozen (so it cannot change since). */
export function markChecked(message: Message): void {
  if (Object.isFrozen(message)) knownValid.add(message);
}

/** Freezes a value deeply (bytes are left as they are). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (typeof item === "object" && item !== null) deepFreeze(item);
    }
  } else {
    if (ArrayBuffer.isView(value)) return value;
    for (const key in value) {
      const item: unknown = value[key];
      if (typeof item === "object" && item !== null) deepFreeze(item);
    }
  }
  return Object.freeze(value);
}

function checkMessageIn(
  message: Message,
  previous: Message | undefined,
  index: number,
  seen: SeenToolUseIds | undefined,
  checkContent: boolean,
): string | undefined {
  const where = `messages[${index}]`;
  if (!isPlainObject(message)) return `${where} is ${describe(message)}, not a message { role, content }.`;
  if (message.role !== "user" && message.role !== "assistant") {
    return `${where} has role ${JSON.stringify(message.role)}; Converse messages use "user" or "assistant" (put instructions in system).`;
  }
  if (!previous && message.role !== "user") {
    return `${where}: a conversation must start with a user message. Add the user's message first.`;
  }
  if (previous && previous.role === message.role) {
    return (
      `${where} has role "${message.role}" like the message before it; roles must alternate between user and assistant. ` +
      "Merge the two messages' content into one message."
    );
  }
  const content = message.content as unknown;
  if (!Array.isArray(content)) return `${where}.content is ${describe(content)}; it must be an array of content blocks.`;
  if (content.length === 0) return `${where} has no content blocks. Add at least one block, such as { text: "..." }.`;
  for (let blockIndex = 0; checkContent && blockIndex < content.length; blockIndex += 1) {
    const problem = checkContentBlock(content[blockIndex], message.role, `${where}.content[${blockIndex}]`);
    if (problem) return problem;
  }
  if (message.role === "assistant") return checkToolUseIds(message, where, seen);
  return checkToolPairing(message, previous, where);
}

function checkToolUseIds(message: Message, where: string, seen: SeenToolUseIds | undefined): string | undefined {
  const ids = toolUseIds(message, true);
  for (let index = 0; index < ids.length; index += 1) {
    const id = ids[index] as string;
    if (ids.indexOf(id) !== index) return `${where} holds two toolUse blocks with the id "${id}"; toolUse IDs must be unique.`;
    if (seen?.has(id)) return `${where} holds a toolUse with the id "${id}", which an earlier message already used; toolUse IDs must be unique in a conversation.`;
  }
  return undefined;
}

function checkToolPairing(message: Message, previous: Message | undefined, where: string): string | undefined {
  const asked = toolUseIds(previous);
  const answered: string[] = [];
  for (const block of message.content ?? []) {
    if (block.toolResult?.toolUseId) answered.push(block.toolResult.toolUseId);
  }
  if (asked.length === 0 && answered.length === 0) return undefined;
  for (let index = 0; index < answered.length; index += 1) {
    const id = answered[index] as string;
    if (!asked.includes(id)) {
      return `${where} holds a toolResult for "${id}", but the previous assistant message has no toolUse with that id.`;
    }
    if (answered.indexOf(id) !== index) return `${where} answers the toolUseId "${id}" more than once; answer each toolUse exactly once.`;
  }
  const missing = asked.filter((id) => !answered.includes(id));
  if (missing.length > 0) {
    return (
      `${where} must answer every toolUse of the previous assistant message with a toolResult; ` +
      `missing: ${missing.map((id) => JSON.stringify(id)).join(", ")}.`
    );
  }
  return undefined;
}

/**
 * The toolUse IDs of an assistant message, in order. Server-side tool uses (answered by the
 * service inside the same message) are left out unless `includeServerTools`.
 */
export function toolUseIds(message: Message | undefined, includeServerTools = false): string[] {
  if (!message || message.role !== "assistant") return [];
  const ids: string[] = [];
  for (const block of message.content ?? []) {
    const toolUse = block.toolUse;
    if (toolUse?.toolUseId && (includeServerTools || toolUse.type !== "server_tool_use")) ids.push(toolUse.toolUseId);
  }
  return ids;
}

/** True when the message holds toolUse or toolResult blocks (Bedrock then requires a toolConfig). */
export function usesTools(message: Message): boolean {
  for (const block of message.content ?? []) if (block.toolUse || block.toolResult) return true;
  return false;
}
