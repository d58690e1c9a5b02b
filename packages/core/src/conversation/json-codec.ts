import type { ContentBlock, Message, SystemContentBlock, ToolResultContentBlock } from "@aws-sdk/client-bedrock-runtime";
import { cloneJson } from "./clone-json.js";

/**
 * Messages as plain JSON: the same shape as Bedrock's wire format, where every binary field
 * (`source.bytes`, `redactedContent`) is a base64 string. Only those known positions are
 * converted, so a tool input that happens to contain a `bytes` key is left alone.
 */
type Convert = (value: unknown) => unknown;

const toBase64: Convert = (value) => (value instanceof Uint8Array ? Buffer.from(value).toString("base64") : value);
const fromBase64: Convert = (value) =>
  typeof value === "string" ? new Uint8Array(Buffer.from(value, "base64")) : value;

export function messageToJson(message: Message): unknown {
  return JSON.parse(JSON.stringify(convertMessage(message, toBase64)));
}

export function messageFromJson(json: unknown): Message {
  return convertMessage(cloneJson(json) as Message, fromBase64);
}

export function systemToJson(system: readonly SystemContentBlock[]): unknown {
  return JSON.parse(JSON.stringify(system.map((block) => convertBlock(block as ContentBlock, toBase64))));
}

export function systemFromJson(json: unknown): SystemContentBlock[] {
  return (cloneJson(json) as ContentBlock[]).map((block) => convertBlock(block, fromBase64) as SystemContentBlock);
}

function convertMessage(message: Message, convert: Convert): Message {
  return { ...message, content: (message.content ?? []).map((block) => convertBlock(block, convert)) };
}

function convertBlock(block: ContentBlock, convert: Convert): ContentBlock {
  // Anything that is no block is left for the message rules to name.
  if (typeof block !== "object" || block === null || Array.isArray(block)) return block;
  const copy: Record<string, unknown> = { ...block };
  for (const key of ["image", "document", "video", "audio"] as const) {
    const media = copy[key] as { source?: { bytes?: unknown } } | undefined;
    if (media?.source?.bytes !== undefined) {
      copy[key] = { ...media, source: { ...media.source, bytes: convert(media.source.bytes) } };
    }
  }
  if (block.reasoningContent?.redactedContent !== undefined) {
    copy.reasoningContent = { redactedContent: convert(block.reasoningContent.redactedContent) };
  }
  if (block.guardContent?.image?.source?.bytes !== undefined) {
    const image = block.guardContent.image;
    copy.guardContent = { image: { ...image, source: { bytes: convert(image.source?.bytes) } } };
  }
  if (block.toolResult && Array.isArray(block.toolResult.content)) {
    copy.toolResult = {
      ...block.toolResult,
      content: block.toolResult.content.map(
        (inner) => convertBlock(inner as ContentBlock, convert) as ToolResultContentBlock,
      ),
    };
  }
  return copy as unknown as ContentBlock;
}
