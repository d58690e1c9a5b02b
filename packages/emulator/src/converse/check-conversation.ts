import { validationError } from "../errors/service-error.js";
import type { ConversationRules } from "./model-conversation-rules.js";
import { isJsonObject } from "../wire/is-json-object.js";

const contentBlockKeys = [
  "text",
  "image",
  "document",
  "video",
  "audio",
  "toolUse",
  "toolResult",
  "guardContent",
  "cachePoint",
  "reasoningContent",
  "citationsContent",
  "searchResult",
  "toolAddition",
  "toolRemoval",
];
const knownBlockKeys = new Set(contentBlockKeys);

type Json = Record<string, unknown>;

/**
 * The conversation rules the service enforces beyond the schema, with its wording: starts with a
 * user message, roles alternate, no empty content or blank text, toolConfig present when tool
 * blocks are, and every toolUse answered by toolResults with the same IDs in the next user
 * message (and no toolResult without a toolUse before it). Throws a ValidationException.
 *
 * @example
 * checkConversation([{ role: "assistant", content: [{ text: "hi" }] }], true);
 * // throws "A conversation must start with a user message. Try again with a conversation that starts with a user message."
 */
export function checkConversation(
  messages: readonly Json[],
  hasToolConfig: boolean,
  rules: ConversationRules = { requiresLeadingUser: true, requiresAlternation: true },
): void {
  if (messages.length === 0 || (rules.requiresLeadingUser && messages[0]?.["role"] !== "user")) {
    throw validationError(
      "A conversation must start with a user message. Try again with a conversation that starts with a user message.",
    );
  }
  let usesTools = false;
  messages.forEach((message, messageIndex) => {
    if (rules.requiresAlternation && messageIndex > 0 && message["role"] === messages[messageIndex - 1]?.["role"]) {
      throw validationError(
        "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.",
      );
    }
    const content = message["content"];
    if (!Array.isArray(content) || content.length === 0) {
      throw validationError(
        `The content field in the Message object at messages.${messageIndex} is empty. Add a ContentBlock object to the content field and try again.`,
      );
    }
    content.forEach((block: unknown, blockIndex) => {
      const at = `messages.${messageIndex}.content.${blockIndex}`;
      const keys = isJsonObject(block) ? Object.keys(block) : [];
      if (keys.length !== 1 || !knownBlockKeys.has(keys[0] ?? "")) {
        throw validationError(
          `The ContentBlock object at ${at} must contain exactly one of the following keys: ${contentBlockKeys.join(", ")}. Fix the content block and try again.`,
        );
      }
      const contentBlock = block as Json;
      if (typeof contentBlock["text"] === "string" && isBlankText(contentBlock["text"], content)) {
        throw validationError(`The text field in the ContentBlock object at ${at} is blank. Add text to the text field, and try again.`);
      }
      const toolResult = contentBlock["toolResult"];
      if (isJsonObject(toolResult)) {
        const resultContent = toolResult["content"];
        if (toolResult["status"] === "error" && (!Array.isArray(resultContent) || resultContent.length === 0)) {
          throw validationError(`The content field at ${at}.toolResult cannot be empty when status value is error.`);
        }
      }
      if (contentBlock["toolUse"] !== undefined || toolResult !== undefined) usesTools = true;
    });
  });
  if (usesTools && !hasToolConfig) {
    throw validationError("The toolConfig field must be defined when using toolUse and toolResult content blocks.");
  }
  checkToolPairing(messages);
}

function checkToolPairing(messages: readonly Json[]): void {
  messages.forEach((message, messageIndex) => {
    if (message["role"] !== "user") return;
    const results = blocksOf(message, "toolResult");
    const previous = messageIndex > 0 ? messages[messageIndex - 1] : undefined;
    // Server-side tool calls (e.g. Nova code interpreter) are answered inside the assistant turn.
    const uses = previous === undefined ? [] : blocksOf(previous, "toolUse").filter((use) => use["type"] !== "server_tool_use");
    if (results.length > uses.length) {
      throw validationError(
        `The number of toolResult blocks at messages.${messageIndex}.content exceeds the number of toolUse blocks of previous turn.`,
      );
    }
    const answered = new Set(results.map((result) => result["toolUseId"]));
    const missing = uses.map((use) => use["toolUseId"]).filter((id) => !answered.has(id));
    if (missing.length > 0) {
      throw validationError(`Expected toolResult blocks at messages.${messageIndex}.content for the following Ids: ${missing.join(", ")}`);
    }
  });
}

function blocksOf(message: Json, key: "toolUse" | "toolResult"): Json[] {
  const content = message["content"];
  if (!Array.isArray(content)) return [];
  return content.flatMap((block: unknown) => (isJsonObject(block) && isJsonObject(block[key]) ? [block[key] as Json] : []));
}

/**
 * Empty text is always refused. Whitespace-only text was refused when it was all the message
 * said, but accepted (recorded, Claude 4.5) beside other non-blank text in the same message.
 */
function isBlankText(text: string, content: readonly unknown[]): boolean {
  if (text.length === 0) return true;
  if (text.trim().length > 0) return false;
  return !content.some((block) => isJsonObject(block) && typeof block["text"] === "string" && block["text"].trim().length > 0);
}
