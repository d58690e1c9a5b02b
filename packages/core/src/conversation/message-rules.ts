import type { ContentBlock, Message } from "@aws-sdk/client-bedrock-runtime";

/**
 * Bedrock's rules for one message given the message before it. Returns the problem in words
 * (with how to fix it), or undefined when the message may follow `previous`.
 *
 * Checked: roles are `user`/`assistant`, the first message is from the user, roles alternate,
 * content is not empty, no blank text, tool uses only from the assistant and tool results only
 * from the user, reasoning only from the assistant, and every `toolUse` of an assistant message
 * is answered by a `toolResult` with the same id in the next user message (and nothing else).
 */
export function checkMessage(message: Message, previous: Message | undefined, index: number): string | undefined {
  const where = `messages[${index}]`;
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
  const content = message.content ?? [];
  if (content.length === 0) return `${where} has no content blocks. Add at least one block, such as { text: "..." }.`;
  for (let blockIndex = 0; blockIndex < content.length; blockIndex += 1) {
    const problem = checkBlock(content[blockIndex], message.role, `${where}.content[${blockIndex}]`);
    if (problem) return problem;
  }
  return checkToolPairing(message, previous, where);
}

function checkBlock(block: ContentBlock | undefined, role: "user" | "assistant", where: string): string | undefined {
  if (!block || typeof block !== "object") return `${where} is not a content block object.`;
  if (block.text !== undefined && (typeof block.text !== "string" || block.text.trim() === "")) {
    return `${where} is a blank text block; Bedrock refuses blank text. Remove the block or give it text.`;
  }
  if (block.toolUse && role !== "assistant") return `${where}: toolUse blocks may only appear in assistant messages.`;
  // Server-side tools (e.g. Nova's code interpreter) put a typed toolResult in the assistant message.
  if (block.toolResult && role !== "user" && block.toolResult.type === undefined) {
    return `${where}: toolResult blocks may only appear in user messages.`;
  }
  if (block.reasoningContent && role !== "assistant") {
    return `${where}: reasoningContent blocks may only appear in assistant messages; keep them in the assistant turn that produced them.`;
  }
  if (block.toolUse && (!block.toolUse.toolUseId || !block.toolUse.name)) {
    return `${where}: a toolUse block needs a toolUseId and a name.`;
  }
  if (block.toolResult && !block.toolResult.toolUseId) return `${where}: a toolResult block needs the toolUseId it answers.`;
  return undefined;
}

function checkToolPairing(message: Message, previous: Message | undefined, where: string): string | undefined {
  const asked = toolUseIds(previous);
  const answered: string[] = [];
  if (message.role === "user") {
    for (const block of message.content ?? []) {
      if (block.toolResult?.toolUseId) answered.push(block.toolResult.toolUseId);
    }
  }
  if (asked.length === 0 && answered.length === 0) return undefined;
  for (const id of answered) {
    if (!asked.includes(id)) {
      return `${where} holds a toolResult for "${id}", but the previous assistant message has no toolUse with that id.`;
    }
  }
  if (new Set(answered).size !== answered.length) return `${where} answers the same toolUseId more than once.`;
  const missing = asked.filter((id) => !answered.includes(id));
  if (missing.length > 0) {
    return (
      `${where} must answer every toolUse of the previous assistant message with a toolResult; ` +
      `missing: ${missing.map((id) => JSON.stringify(id)).join(", ")}.`
    );
  }
  return undefined;
}

/** The toolUse ids of an assistant message, in order. */
export function toolUseIds(message: Message | undefined): string[] {
  if (!message || message.role !== "assistant") return [];
  const ids: string[] = [];
  for (const block of message.content ?? []) {
    // Server-side tool uses are answered by the service inside the same message.
    if (block.toolUse?.toolUseId && block.toolUse.type !== "server_tool_use") ids.push(block.toolUse.toolUseId);
  }
  return ids;
}
