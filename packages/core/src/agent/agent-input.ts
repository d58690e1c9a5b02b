import type { ContentBlock, Message } from "@aws-sdk/client-bedrock-runtime";
import { describe, isPlainObject } from "../conversation/content-rules.js";
import { ConfigurationError } from "../errors/configuration-error.js";

/**
 * What `send()` and `stream()` accept: text, content blocks (text, image bytes, documents...),
 * or a whole user message.
 */
export type AgentInput = string | ContentBlock | readonly ContentBlock[] | Message;

/** The user message for `input`; when the conversation already ends with a user message (tool results after `maxSteps`), the new content joins it. */
export function toUserMessage(input: AgentInput, trailingUser: Message | undefined): Message {
  const content = toContent(input);
  if (trailingUser) return { role: "user", content: [...(trailingUser.content ?? []), ...content] };
  return { role: "user", content };
}

function toContent(input: AgentInput): ContentBlock[] {
  if (typeof input === "string") {
    if (input.trim() === "") throw new ConfigurationError("The input text is blank; Bedrock refuses blank text. Pass some text.");
    return [{ text: input }];
  }
  if (Array.isArray(input)) {
    if (input.length === 0) throw new ConfigurationError("The input has no content blocks; pass at least one block or a string.");
    // Blocks are copied (so the caller's array stays theirs); anything else is kept as it is for the check to name.
    return input.map((block) => (isPlainObject(block) ? { ...block } : block) as ContentBlock);
  }
  if (ArrayBuffer.isView(input)) return [input as unknown as ContentBlock];
  if (isMessage(input)) {
    if (input.role !== "user") {
      throw new ConfigurationError(`The input message has role "${String(input.role)}"; input must be a user message.`);
    }
    if (!Array.isArray(input.content)) throw new ConfigurationError("The input message's content must be an array of content blocks.");
    return toContent(input.content as ContentBlock[]);
  }
  if (typeof input === "object" && input !== null) return [{ ...(input as ContentBlock) }];
  throw new ConfigurationError(`Input must be a string, a content block, an array of content blocks, or a user message; it is ${describe(input)}.`);
}

function isMessage(input: unknown): input is Message {
  return typeof input === "object" && input !== null && "role" in input && "content" in input;
}
