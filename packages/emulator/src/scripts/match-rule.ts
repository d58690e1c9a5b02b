import type { WireConverseRequest } from "../wire/converse-types.js";
import { lastUserMessage, lastUserText, resultText, toolNamesById } from "./echo-reply.js";
import type { ScriptMatch } from "./script-types.js";

/**
 * True when every condition of `match` holds for the request's last user message.
 *
 * @example
 * matchesRule({ text: "weather" }, { messages: [{ role: "user", content: [{ text: "What's the weather?" }] }] }); // true
 */
export function matchesRule(match: ScriptMatch, request: WireConverseRequest): boolean {
  const messages = request.messages ?? [];
  if (match.text !== undefined || match.regex !== undefined) {
    const text = lastUserText(messages);
    if (match.text !== undefined && !text.includes(match.text)) return false;
    if (match.regex !== undefined) {
      const pattern = typeof match.regex === "string" ? new RegExp(match.regex) : match.regex;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) return false;
    }
  }
  if (match.toolResult !== undefined) {
    const results = (lastUserMessage(messages)?.content ?? []).flatMap((block) =>
      block.toolResult === undefined ? [] : [block.toolResult],
    );
    if (results.length === 0) return false;
    const wanted = match.toolResult;
    if (wanted !== true) {
      const names = toolNamesById(messages);
      const found = results.some(
        (result) =>
          (wanted.toolUseId === undefined || result.toolUseId === wanted.toolUseId) &&
          (wanted.name === undefined || names.get(result.toolUseId) === wanted.name) &&
          (wanted.status === undefined || (result.status ?? "success") === wanted.status) &&
          (wanted.contains === undefined || resultText(result.content ?? []).includes(wanted.contains)),
      );
      if (!found) return false;
    }
  }
  return true;
}
