import type { WireConverseRequest, WireMessage } from "../wire/converse-types.js";
import type { ScriptedReply } from "./script-types.js";
import { schemaInstance } from "./schema-instance.js";

/**
 * The default model when no script applies. Deterministic:
 * - last user message with text → `You said: <text>` (text blocks joined by a newline);
 * - last user message with toolResults → `Tool results: <name>: <result>; …` (results as text or JSON);
 * - no user text at all → `You said: (nothing)`;
 * - native structured output (`outputConfig.textFormat`) → a JSON value that fits the schema.
 *
 * @example
 * echoReply({ messages: [{ role: "user", content: [{ text: "hi" }] }] }).text; // "You said: hi"
 */
export function echoReply(request: WireConverseRequest): ScriptedReply {
  const schema = structuredOutputSchema(request);
  if (schema !== undefined) return { text: JSON.stringify(schemaInstance(schema)) };
  const messages = request.messages ?? [];
  const last = lastUserMessage(messages);
  const content = last?.content ?? [];
  const toolResults = content.filter((block) => block.toolResult !== undefined);
  if (toolResults.length > 0) {
    const names = toolNamesById(messages);
    const summaries = toolResults.map((block) => {
      const result = block.toolResult!;
      const name = names.get(result.toolUseId) ?? result.toolUseId;
      return `${name}: ${resultText(result.content ?? [])}`;
    });
    return { text: `Tool results: ${summaries.join("; ")}` };
  }
  const text = lastUserText(messages);
  if (text.length > 0) return { text: `You said: ${text}` };
  const variables = Object.values(request.promptVariables ?? {}).map((variable) => variable.text);
  if (variables.length > 0) return { text: `You said: ${variables.join(" ")}` };
  return { text: "You said: (nothing)" };
}

/**
 * The joined text blocks of the last user message ("" when none).
 *
 * @example
 * lastUserText([{ role: "user", content: [{ text: "a" }, { text: "b" }] }]); // "a\nb"
 */
export function lastUserText(messages: readonly WireMessage[]): string {
  const last = lastUserMessage(messages);
  if (last === undefined) return "";
  const texts: string[] = [];
  for (const block of last.content ?? []) if (typeof block.text === "string") texts.push(block.text);
  return texts.join("\n");
}

/**
 * The last message with role `user`.
 *
 * @example
 * lastUserMessage([{ role: "user", content: [{ text: "a" }] }])?.role; // "user"
 */
export function lastUserMessage(messages: readonly WireMessage[]): WireMessage | undefined {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.role === "user") return message;
  }
  return undefined;
}

/**
 * Maps every toolUse ID in the conversation to its tool name.
 *
 * @example
 * toolNamesById([]).size; // 0
 */
export function toolNamesById(messages: readonly WireMessage[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    for (const block of message.content ?? []) {
      if (block.toolUse !== undefined) names.set(block.toolUse.toolUseId, block.toolUse.name);
    }
  }
  return names;
}

/**
 * A tool result's content as one string: text blocks as is, JSON blocks serialized.
 *
 * @example
 * resultText([{ json: { temp: 20 } }]); // '{"temp":20}'
 */
export function resultText(content: ReadonlyArray<Record<string, unknown>>): string {
  return content
    .map((item) => (typeof item["text"] === "string" ? item["text"] : JSON.stringify(item["json"] ?? item)))
    .join(" ");
}

function structuredOutputSchema(request: WireConverseRequest): unknown {
  const format = request.outputConfig?.["textFormat"] as { structure?: { jsonSchema?: { schema?: unknown } } } | undefined;
  const schema = format?.structure?.jsonSchema?.schema;
  if (typeof schema !== "string") return undefined;
  try {
    return JSON.parse(schema) as unknown;
  } catch {
    return undefined;
  }
}
