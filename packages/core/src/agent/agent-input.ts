import type { ContentBlock, Message } from "@aws-sdk/client-bedrock-runtime";
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
    return input.map((block) => ({ ...block }) as ContentBlock);
  }
  if (isMessage(input)) {
    if (input.role !== "user") {
      throw new ConfigurationError(`The input message has role "${String(input.role)}"; input must be a user message.`);
    }
    return toContent((input.content ?? []) as ContentBlock[]);
  }
  if (typeof input === "object" && input !== null) return [{ ...(input as ContentBlock) }];
  throw new ConfigurationError("Input must be a string, a content block, an array of content blocks, or a user message.");
}

function isMessage(input: unknown): input is Message {
  return typeof input === "object" && input !== null && "role" in input && "content" in input;
}
