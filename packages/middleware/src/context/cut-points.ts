import type { Message } from "@sluice/core";

/** The user message that stands in for the messages a manager left out. */
export const defaultOmittedNotice = "[Earlier messages of this conversation were left out to fit the model's context window.]";

/**
 * The indexes where a conversation may be cut so that the rest is still valid on its own:
 * before an assistant message (a notice from the user is put in front), or before a user
 * message that answers no tool call. Never between a `toolUse` and its `toolResult`. Index 0
 * (keep everything) is always included.
 *
 * @example
 * cutPoints(messages); // [0, 1, 3, 5, …]
 */
export function cutPoints(messages: readonly Message[]): number[] {
  const points = [0];
  for (let index = 1; index < messages.length; index += 1) {
    const message = messages[index] as Message;
    if (message.role === "assistant" || !answersToolCalls(message)) points.push(index);
  }
  return points;
}

/**
 * The messages from `index` on, preceded by a user notice when they start with an assistant
 * message (a conversation must start with the user).
 *
 * @example
 * keepFrom(messages, 3, defaultOmittedNotice);
 */
export function keepFrom(messages: readonly Message[], index: number, notice: string): Message[] {
  const kept = messages.slice(index);
  if (kept[0]?.role === "assistant") return [{ role: "user", content: [{ text: notice }] }, ...kept];
  return kept;
}

/**
 * How many messages `keepFrom(messages, index)` returns (the notice included).
 *
 * @example
 * keptLength(messages, 3); // messages.length - 3, plus 1 if messages[3] is from the assistant
 */
export function keptLength(messages: readonly Message[], index: number): number {
  return messages.length - index + (messages[index]?.role === "assistant" ? 1 : 0);
}

function answersToolCalls(message: Message): boolean {
  return (message.content ?? []).some((block) => block.toolResult !== undefined && block.toolResult.type === undefined);
}
