import type { Message } from "@sluice/core";

/**
 * The text of a conversation as a transcript (`User: …` / `Assistant: …`), leaving out tool
 * calls and results: what another agent, with other tools, can read as plain input.
 */
export function transcriptOf(messages: readonly Message[]): string {
  return messages
    .map((message) => {
      const text = (message.content ?? [])
        .map((block) => block.text ?? "")
        .join("\n")
        .trim();
      return text === "" ? undefined : `${message.role === "user" ? "User" : "Assistant"}: ${text}`;
    })
    .filter((line) => line !== undefined)
    .join("\n\n");
}
