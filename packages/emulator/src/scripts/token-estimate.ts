import type { WireContentBlock, WireConverseRequest } from "../wire/converse-types.js";

/**
 * The emulator's token estimate: one token per four characters, rounded up. Input counts the
 * system text, every message block (text, reasoning, tool input and results as JSON) and the
 * tool specifications; output counts the generated blocks the same way.
 *
 * @example
 * estimateTokens("hello world"); // 3
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Characters of one content block as the estimate sees them.
 *
 * @example
 * contentCharacters({ text: "abcd" }); // 4
 */
export function contentCharacters(block: WireContentBlock): number {
  if (block.text !== undefined) return block.text.length;
  if (block.toolUse !== undefined) return block.toolUse.name.length + JSON.stringify(block.toolUse.input ?? {}).length;
  if (block.toolResult !== undefined) return JSON.stringify(block.toolResult.content ?? []).length;
  if (block.reasoningContent?.reasoningText !== undefined) return block.reasoningContent.reasoningText.text.length;
  if (block.reasoningContent?.redactedContent !== undefined) return block.reasoningContent.redactedContent.length;
  if (block.cachePoint !== undefined) return 0;
  return JSON.stringify(block).length;
}

/**
 * Estimated input tokens of a Converse-shaped request (at least 1).
 *
 * @example
 * estimateInputTokens({ messages: [{ role: "user", content: [{ text: "Hi there" }] }] }); // 2
 */
export function estimateInputTokens(request: WireConverseRequest): number {
  let characters = 0;
  for (const block of request.system ?? []) characters += block.text?.length ?? 0;
  for (const message of request.messages ?? []) {
    for (const block of message.content ?? []) characters += contentCharacters(block);
  }
  if (request.toolConfig !== undefined) characters += JSON.stringify(request.toolConfig.tools ?? []).length;
  for (const variable of Object.values(request.promptVariables ?? {})) characters += variable.text?.length ?? 0;
  return Math.max(1, Math.ceil(characters / 4));
}
