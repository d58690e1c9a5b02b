import type { ContentBlock, Message, ToolResultContentBlock } from "@sluice/core";

const maxBlockCharacters = 4_000;

/**
 * A plain-text transcript of messages for a summary request: who said what, which tools were
 * called with what input, and what they returned, each part cut to a few thousand characters.
 * Longer than `maxCharacters`, its oldest text is left out.
 *
 * @example
 * transcriptOf(messages, 100_000); // "User: What is a weir?\nAssistant: [called lookup with {\"word\":\"weir\"}]\n…"
 */
export function transcriptOf(messages: readonly Message[], maxCharacters: number): string {
  const lines = messages.map((message) => `${message.role === "assistant" ? "Assistant" : "User"}: ${(message.content ?? []).map(describeBlock).filter(Boolean).join(" ")}`);
  const text = lines.join("\n");
  return text.length <= maxCharacters ? text : `[…]\n${text.slice(text.length - maxCharacters)}`;
}

function describeBlock(block: ContentBlock): string {
  if (block.text !== undefined) return clip(block.text);
  if (block.toolUse) return `[called ${block.toolUse.name ?? "a tool"} with ${clip(JSON.stringify(block.toolUse.input ?? {}))}]`;
  if (block.toolResult) {
    const status = block.toolResult.status === "error" ? " (error)" : "";
    return `[tool result${status}: ${clip((block.toolResult.content ?? []).map(describeResult).join(" "))}]`;
  }
  if (block.image) return "[image]";
  if (block.document) return `[document ${block.document.name ?? ""}]`.replace(" ]", "]");
  if (block.video) return "[video]";
  return "";
}

function describeResult(part: ToolResultContentBlock): string {
  if (part.text !== undefined) return part.text;
  if (part.json !== undefined) return JSON.stringify(part.json);
  return part.image ? "[image]" : part.document ? "[document]" : "";
}

function clip(text: string): string {
  return text.length <= maxBlockCharacters ? text : `${text.slice(0, maxBlockCharacters)}…`;
}
