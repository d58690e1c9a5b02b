import type { ContentBlock, Message, ToolResultBlock } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { NativeBody } from "../../adapter.js";
import { UnsupportedFeatureError } from "../../errors/unsupported-feature-error.js";
import {
  additionalFields,
  blocksText,
  documentText,
  findToolUse,
  inferenceSettings,
  offeredTools,
  systemText,
  toolInputSchema,
} from "../../shared/converse-content.js";
import { asRecord, compact } from "../../shared/native-values.js";

export const COHERE_COMMAND_R_FAMILY = "cohere-command-r";
export const COHERE_COMMAND_R_NAME = "Cohere Command R";

function unsupported(feature: string, hint: string): never {
  throw new UnsupportedFeatureError(COHERE_COMMAND_R_FAMILY, COHERE_COMMAND_R_NAME, feature, hint);
}

// Cohere describes parameter types the Python way.
const PYTHON_TYPES: Readonly<Record<string, string>> = {
  string: "str",
  integer: "int",
  number: "float",
  boolean: "bool",
  array: "list",
  object: "dict",
};

function parameterType(schema: Record<string, unknown>): string {
  const type = Array.isArray(schema.type) ? schema.type.find((entry) => entry !== "null") : schema.type;
  const base = PYTHON_TYPES[String(type)] ?? "str";
  const items = asRecord(schema.items);
  if (base === "list" && items && typeof items.type === "string") return `List[${PYTHON_TYPES[items.type] ?? "str"}]`;
  return base;
}

/**
 * A tool's JSON Schema as Cohere's flat `parameter_definitions` (`description`, Python-style
 * `type`, `required`). Nested object structure is described by type only.
 *
 * @example
 * parameterDefinitions({ type: "object", properties: { city: { type: "string" } }, required: ["city"] });
 * // { city: { description: "", type: "str", required: true } }
 */
export function parameterDefinitions(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = asRecord(schema.properties) ?? {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const definitions: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const record = asRecord(property) ?? {};
    definitions[name] = { description: typeof record.description === "string" ? record.description : "", type: parameterType(record), required: required.has(name) };
  }
  return definitions;
}

function toolResult(result: ToolResultBlock, messages: readonly Message[]): unknown {
  const call = findToolUse(messages, result.toolUseId);
  if (!call) unsupported("a tool result without its tool call", "Keep the assistant message that made the call in the history.");
  const outputs = (result.content ?? []).map((block) =>
    block.json !== undefined && typeof block.json === "object" && block.json !== null && !Array.isArray(block.json)
      ? block.json
      : { text: block.text ?? JSON.stringify(block.json ?? null) },
  );
  return { call: { name: call.name, parameters: call.input ?? {} }, outputs: outputs.length > 0 ? outputs : [{ text: "" }] };
}

function documents(blocks: readonly ContentBlock[]): unknown[] {
  return blocks.flatMap((block) => {
    if (!block.document) return [];
    const text = documentText(block.document);
    if (text === undefined) unsupported(`documents in ${block.document.format ?? "binary"} format`, "Send text documents (txt, md, csv, html) or paste the text.");
    return [{ title: block.document.name ?? "document", snippet: text }];
  });
}

function historyEntries(message: Message, messages: readonly Message[]): unknown[] {
  const content = message.content ?? [];
  if (message.role === "assistant") {
    const calls = content.flatMap((block) => (block.toolUse ? [{ name: block.toolUse.name, parameters: block.toolUse.input ?? {} }] : []));
    return [compact({ role: "CHATBOT", message: blocksText(content), tool_calls: calls.length > 0 ? calls : undefined })];
  }
  const entries: unknown[] = [];
  const results = content.flatMap((block) => (block.toolResult ? [toolResult(block.toolResult, messages)] : []));
  if (results.length > 0) entries.push({ role: "TOOL", tool_results: results });
  const text = blocksText(content);
  if (text !== "") entries.push({ role: "USER", message: text });
  return entries;
}

/**
 * Converse request → Command R chat body: the last user turn as `message` (and its tool
 * results as `tool_results`), earlier turns as `chat_history` (`USER`, `CHATBOT` with
 * `tool_calls`, `TOOL`), the system prompt as `preamble`, tools as `parameter_definitions`,
 * text documents as `documents`.
 *
 * @example
 * buildCommandRRequest({ modelId, system: [{ text: "Be brief." }], messages: [{ role: "user", content: [{ text: "Hi" }] }] });
 * // { message: "Hi", preamble: "Be brief." }
 */
export function buildCommandRRequest(request: ModelRequest): NativeBody {
  const choice = request.toolConfig?.toolChoice;
  if (choice?.any || choice?.tool) unsupported(`tool choice "${choice.any ? "any" : "tool"}"`, "Command R only chooses tools itself: use toolChoice { auto: {} }.");
  const messages = request.messages ?? [];
  const last = messages[messages.length - 1];
  const earlier = last?.role === "user" ? messages.slice(0, -1) : messages;
  const current = last?.role === "user" ? (last.content ?? []) : [];
  const results = current.flatMap((block) => (block.toolResult ? [toolResult(block.toolResult, messages)] : []));
  const settings = inferenceSettings(request);
  const tools = offeredTools(request).map((tool) =>
    compact({ name: tool.name, description: tool.description ?? "", parameter_definitions: parameterDefinitions(toolInputSchema(tool)) }),
  );
  const history = earlier.flatMap((message) => historyEntries(message, messages));
  const docs = messages.flatMap((message) => documents(message.content ?? []));
  const preamble = systemText(request);
  return compact({
    message: blocksText(current),
    chat_history: history.length > 0 ? history : undefined,
    preamble: preamble === "" ? undefined : preamble,
    documents: docs.length > 0 ? docs : undefined,
    tools: tools.length > 0 ? tools : undefined,
    tool_results: results.length > 0 ? results : undefined,
    max_tokens: settings.maxTokens,
    temperature: settings.temperature,
    p: settings.topP,
    stop_sequences: settings.stopSequences,
    ...additionalFields(request),
  });
}
