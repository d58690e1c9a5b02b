import type { ContentBlock, Message, ModelRequest, ToolResultContentBlock } from "@sluice/core";

/** About four characters of English text per token; good enough to budget, never to bill. */
const charactersPerToken = 4;
/** A rough cost of one image or video frame in tokens, as no pixels are decoded here. */
const tokensPerImage = 1_600;

/**
 * A rough token count for text (characters / 4).
 *
 * @example
 * estimateTextTokens("Hello there"); // 3
 */
export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / charactersPerToken);
}

/**
 * A rough token count for one message: text, tool inputs and results as JSON, reasoning text,
 * and a fixed allowance per image or document.
 *
 * @example
 * estimateMessageTokens({ role: "user", content: [{ text: "What is the weather in Paris?" }] }); // 8
 */
export function estimateMessageTokens(message: Message): number {
  let tokens = 4; // role and framing
  for (const block of message.content ?? []) tokens += estimateBlockTokens(block);
  return tokens;
}

/**
 * A rough token count for a whole request: system prompt, tool definitions and messages.
 *
 * @example
 * estimateRequestTokens(call.request);
 */
export function estimateRequestTokens(request: Pick<ModelRequest, "system" | "toolConfig" | "messages">): number {
  let tokens = 0;
  for (const block of request.system ?? []) if (block.text !== undefined) tokens += estimateTextTokens(block.text);
  if (request.toolConfig?.tools) tokens += estimateTextTokens(JSON.stringify(request.toolConfig.tools));
  for (const message of request.messages ?? []) tokens += estimateMessageTokens(message);
  return tokens;
}

function estimateBlockTokens(block: ContentBlock): number {
  if (block.text !== undefined) return estimateTextTokens(block.text);
  if (block.toolUse) return estimateTextTokens(`${block.toolUse.name ?? ""}${JSON.stringify(block.toolUse.input ?? {})}`);
  if (block.toolResult) return (block.toolResult.content ?? []).reduce((sum, part) => sum + estimateResultTokens(part), 0);
  if (block.reasoningContent?.reasoningText) return estimateTextTokens(block.reasoningContent.reasoningText.text ?? "");
  if (block.image || block.video) return tokensPerImage;
  if (block.document) return documentTokens(block.document.source);
  return 0;
}

function estimateResultTokens(part: ToolResultContentBlock): number {
  if (part.text !== undefined) return estimateTextTokens(part.text);
  if (part.json !== undefined) return estimateTextTokens(JSON.stringify(part.json));
  if (part.image || part.video) return tokensPerImage;
  if (part.document) return documentTokens(part.document.source);
  return 0;
}

function documentTokens(source: { bytes?: Uint8Array; text?: string } | undefined): number {
  if (source?.text !== undefined) return estimateTextTokens(source.text);
  if (source?.bytes) return Math.ceil(source.bytes.length / charactersPerToken);
  return tokensPerImage;
}
