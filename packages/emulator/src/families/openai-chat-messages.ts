import type { WireContentBlock, WireMessage, WireSystemBlock, WireToolConfiguration } from "../wire/converse-types.js";
import type { ModelTurn } from "./model-family.js";
import { NativeBodyError } from "./model-family.js";
import { imageFormatOfBase64 } from "./image-format.js";
import { malformedInputMessage } from "./native-body-schema.js";
import { turnToolUses } from "./turn-content.js";

type JsonObject = Record<string, unknown>;

/**
 * A tool call as chat-completions bodies carry it.
 *
 * @example
 * const call: ChatToolCall = { id: "call_1", type: "function", function: { name: "f", arguments: "{}" } };
 */
export interface ChatToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

function fail(path: string, problem: string): never {
  throw new NativeBodyError(malformedInputMessage([`${path}: ${problem}`]));
}

function objectAt(value: unknown, path: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "expected type: JSONObject");
  return value as JsonObject;
}

const REASONING = /^\s*<reasoning>([\s\S]*?)<\/reasoning>/;

// Assistant history from gpt-oss may carry its reasoning inline; keep it as a reasoning block.
function assistantText(text: string): WireContentBlock[] {
  const reasoning = REASONING.exec(text);
  const answer = reasoning ? text.slice(reasoning[0].length) : text;
  const blocks: WireContentBlock[] = reasoning ? [{ reasoningContent: { reasoningText: { text: reasoning[1] ?? "" } } }] : [];
  return answer.trim() === "" ? blocks : [...blocks, { text: answer }];
}

function imageFromUrl(url: string, path: string): WireContentBlock {
  const dataUrl = /^data:image\/([a-z]+);base64,(.*)$/s.exec(url);
  if (!dataUrl) fail(path, "only base64 data URLs are supported for images");
  const bytes = dataUrl[2] ?? "";
  return { image: { format: dataUrl[1] === "jpg" ? "jpeg" : (dataUrl[1] ?? imageFormatOfBase64(bytes)), source: { bytes } } };
}

function contentParts(content: unknown, path: string): WireContentBlock[] {
  if (content === null || content === undefined) return [];
  if (typeof content === "string") return content === "" ? [] : [{ text: content }];
  if (!Array.isArray(content)) fail(path, "expected type: one of [String, JSONArray]");
  return content.map((value, index) => {
    const part = objectAt(value, `${path}/${index}`);
    if (part.type === "text" && typeof part.text === "string") return { text: part.text };
    if (part.type === "image_url") return imageFromUrl(String(objectAt(part.image_url, `${path}/${index}/image_url`).url), `${path}/${index}/image_url/url`);
    fail(`${path}/${index}/type`, `${String(part.type)} is not a valid enum value`);
  });
}

function parseArguments(text: unknown): unknown {
  if (typeof text !== "string") return text ?? {};
  try {
    return JSON.parse(text === "" ? "{}" : text);
  } catch {
    return { arguments: text };
  }
}

function toolUses(calls: unknown, path: string): WireContentBlock[] {
  if (calls === undefined || calls === null) return [];
  if (!Array.isArray(calls)) fail(path, "expected type: JSONArray");
  return calls.map((value, index) => {
    const call = objectAt(value, `${path}/${index}`);
    const fn = objectAt(call.function, `${path}/${index}/function`);
    return { toolUse: { toolUseId: String(call.id ?? `call_${index}`), name: String(fn.name), input: parseArguments(fn.arguments) } };
  });
}

function append(messages: WireMessage[], role: WireMessage["role"], content: WireContentBlock[]): void {
  if (content.length === 0) return;
  const previous = messages[messages.length - 1];
  if (previous?.role === role) previous.content.push(...content);
  else messages.push({ role, content });
}

/**
 * Converts chat-completions messages (system/developer/user/assistant/tool roles, `tool_calls`,
 * text and data-URL image parts) to Converse system blocks and alternating messages; tool
 * results become user `toolResult` blocks.
 *
 * @example
 * parseChatMessages([{ role: "system", content: "Be brief" }, { role: "user", content: "Hi" }]);
 */
export function parseChatMessages(messages: readonly unknown[]): { system: WireSystemBlock[]; messages: WireMessage[] } {
  const system: WireSystemBlock[] = [];
  const out: WireMessage[] = [];
  messages.forEach((value, index) => {
    const path = `#/messages/${index}`;
    const message = objectAt(value, path);
    switch (message.role) {
      case "system":
      case "developer":
        for (const part of contentParts(message.content, `${path}/content`)) if (part.text !== undefined) system.push({ text: part.text });
        return;
      case "user":
        return append(out, "user", contentParts(message.content, `${path}/content`));
      case "assistant": {
        const text = typeof message.content === "string" ? assistantText(message.content) : contentParts(message.content, `${path}/content`);
        return append(out, "assistant", [...text, ...toolUses(message.tool_calls, `${path}/tool_calls`)]);
      }
      case "tool":
        return append(out, "user", [
          { toolResult: { toolUseId: String(message.tool_call_id ?? ""), content: contentParts(message.content, `${path}/content`) as Array<Record<string, unknown>> } },
        ]);
      default:
        fail(`${path}/role`, `${String(message.role)} is not a valid enum value`);
    }
  });
  return { system, messages: out };
}

/**
 * Converts chat-completions `tools` and `tool_choice` to a Converse tool configuration
 * (`"none"` leaves tool choice unset; `"any"` and `"required"` both mean "call some tool").
 *
 * @example
 * parseChatTools([{ type: "function", function: { name: "f", parameters: { type: "object" } } }], "auto");
 */
export function parseChatTools(tools: unknown, toolChoice: unknown): WireToolConfiguration | undefined {
  if (!Array.isArray(tools) || tools.length === 0) return undefined;
  const config: WireToolConfiguration = {
    tools: tools.map((value, index) => {
      const fn = objectAt(objectAt(value, `#/tools/${index}`).function, `#/tools/${index}/function`);
      const description = typeof fn.description === "string" ? { description: fn.description } : {};
      return { toolSpec: { name: String(fn.name), ...description, inputSchema: { json: fn.parameters ?? { type: "object", properties: {} } } } };
    }),
  };
  if (toolChoice === "auto") config.toolChoice = { auto: {} };
  if (toolChoice === "any" || toolChoice === "required") config.toolChoice = { any: {} };
  if (typeof toolChoice === "object" && toolChoice !== null) {
    const fn = (toolChoice as { function?: { name?: unknown } }).function;
    if (typeof fn?.name === "string") config.toolChoice = { tool: { name: fn.name } };
  }
  return config;
}

/**
 * The turn's tool calls in chat-completions form, arguments as JSON text.
 *
 * @example
 * chatToolCalls(turn); // [{ id: "call_1", type: "function", function: { name: "f", arguments: "{}" } }]
 */
export function chatToolCalls(turn: ModelTurn): ChatToolCall[] {
  return turnToolUses(turn).map((toolUse) => ({
    id: toolUse.toolUseId,
    type: "function",
    function: { name: toolUse.name, arguments: JSON.stringify(toolUse.input ?? {}) },
  }));
}

/**
 * The chat-completions `usage` object (prompt, completion and total tokens).
 *
 * @example
 * chatUsage(turn); // { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 }
 */
export function chatUsage(turn: ModelTurn): Record<string, number> {
  const { inputTokens, outputTokens } = turn.usage;
  return { prompt_tokens: inputTokens, completion_tokens: outputTokens, total_tokens: inputTokens + outputTokens };
}

/**
 * The chat-completions `finish_reason` for a Converse stop reason.
 *
 * @example
 * chatFinishReason("tool_use"); // "tool_calls"
 */
export function chatFinishReason(stopReason: ModelTurn["stopReason"]): string {
  if (stopReason === "tool_use") return "tool_calls";
  if (stopReason === "max_tokens" || stopReason === "model_context_window_exceeded") return "length";
  if (stopReason === "content_filtered" || stopReason === "guardrail_intervened") return "content_filter";
  return "stop";
}
