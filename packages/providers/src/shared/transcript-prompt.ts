import type { ModelRequest } from "@sluice/core";
import { blocksText } from "./converse-content.js";

/**
 * The prompt of a completion-only model: one user message as it is, a conversation as a
 * `User:`/`Assistant:` transcript ending with `Assistant:` (`assistantLabel` names the model's
 * turns, e.g. `Bot` for Titan).
 *
 * @example
 * transcriptPrompt([{ role: "user", content: [{ text: "Hi" }] }]); // "Hi"
 */
export function transcriptPrompt(messages: NonNullable<ModelRequest["messages"]>, assistantLabel = "Assistant"): string {
  if (messages.length === 1 && messages[0]?.role === "user") return blocksText(messages[0].content);
  const lines = messages.map((message) => `${message.role === "assistant" ? assistantLabel : "User"}: ${blocksText(message.content)}`);
  return `${lines.join("\n")}\n${assistantLabel}:`;
}
