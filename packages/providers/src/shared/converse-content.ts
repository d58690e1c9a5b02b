import { randomUUID } from "node:crypto";
import type {
  ContentBlock,
  DocumentBlock,
  Message,
  ToolResultBlock,
  ToolSpecification,
  ToolUseBlock,
} from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";

/**
 * Base64 text of a Converse blob (the SDK types them as bytes; JSON callers may pass base64).
 *
 * @example
 * toBase64(new Uint8Array([104, 105])); // "aGk="
 */
export function toBase64(bytes: Uint8Array | string | undefined): string {
  if (bytes === undefined) return "";
  if (typeof bytes === "string") return bytes;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/**
 * Bytes of a base64 string from a native body.
 *
 * @example
 * fromBase64("aGk="); // Uint8Array [104, 105]
 */
export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64"));
}

/**
 * The text of a list of content blocks (text and guard-content blocks), joined without separators.
 *
 * @example
 * blocksText([{ text: "a" }, { text: "b" }]); // "ab"
 */
export function blocksText(blocks: readonly ContentBlock[] | undefined): string {
  let text = "";
  for (const block of blocks ?? []) {
    if (block.text !== undefined) text += block.text;
    else if (block.guardContent?.text?.text !== undefined) text += block.guardContent.text.text;
  }
  return text;
}

/**
 * A model's answer text as content: one text block, or none when the text is blank.
 *
 * @example
 * textBlocks("Hi"); // [{ text: "Hi" }]
 * textBlocks("\n "); // []
 */
export function textBlocks(text: string): ContentBlock[] {
  return text.trim() === "" ? [] : [{ text }];
}

/**
 * The system prompt as one string (text blocks joined by blank lines; cache points dropped).
 *
 * @example
 * systemText({ modelId: "m", system: [{ text: "Be brief." }] }); // "Be brief."
 */
export function systemText(request: ModelRequest): string {
  const parts: string[] = [];
  for (const block of request.system ?? []) {
    if (block.text !== undefined && block.text !== "") parts.push(block.text);
    else if (block.guardContent?.text?.text) parts.push(block.guardContent.text.text);
  }
  return parts.join("\n\n");
}

/**
 * A tool result's content as text: text blocks as they are, JSON blocks serialised.
 *
 * @example
 * toolResultText({ toolUseId: "t1", content: [{ json: { celsius: 21 } }] }); // '{"celsius":21}'
 */
export function toolResultText(result: ToolResultBlock): string {
  const parts: string[] = [];
  for (const block of result.content ?? []) {
    if (block.text !== undefined) parts.push(block.text);
    else if (block.json !== undefined) parts.push(JSON.stringify(block.json));
  }
  return parts.join("\n");
}

/** The Converse inference settings, with the stop sequences list dropped when empty. */
export interface InferenceSettings {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
}

/**
 * The request's `inferenceConfig`, without empty members.
 *
 * @example
 * inferenceSettings({ modelId: "m", inferenceConfig: { maxTokens: 50, stopSequences: [] } }); // { maxTokens: 50 }
 */
export function inferenceSettings(request: ModelRequest): InferenceSettings {
  const config = request.inferenceConfig ?? {};
  const settings: InferenceSettings = {};
  if (config.maxTokens !== undefined) settings.maxTokens = config.maxTokens;
  if (config.temperature !== undefined) settings.temperature = config.temperature;
  if (config.topP !== undefined) settings.topP = config.topP;
  if (config.stopSequences !== undefined && config.stopSequences.length > 0) settings.stopSequences = [...config.stopSequences];
  return settings;
}

/**
 * `additionalModelRequestFields` as a plain object (the escape hatch for native fields such as
 * `top_k`), or `{}`.
 *
 * @example
 * additionalFields({ modelId: "m", additionalModelRequestFields: { top_k: 5 } }); // { top_k: 5 }
 */
export function additionalFields(request: ModelRequest): Record<string, unknown> {
  const fields = request.additionalModelRequestFields as unknown;
  return typeof fields === "object" && fields !== null && !Array.isArray(fields) ? { ...(fields as Record<string, unknown>) } : {};
}

/**
 * The tool specifications the request offers (system tools and cache points skipped).
 *
 * @example
 * offeredTools(request).map((tool) => tool.name);
 */
export function offeredTools(request: ModelRequest): ToolSpecification[] {
  const specs: ToolSpecification[] = [];
  for (const tool of request.toolConfig?.tools ?? []) if (tool.toolSpec) specs.push(tool.toolSpec);
  return specs;
}

/**
 * The JSON Schema of a tool's input (`{type:"object"}` when none was given).
 *
 * @example
 * toolInputSchema({ name: "now", inputSchema: { json: { type: "object", properties: {} } } });
 */
export function toolInputSchema(spec: ToolSpecification): Record<string, unknown> {
  const schema = spec.inputSchema?.json as unknown;
  return typeof schema === "object" && schema !== null ? (schema as Record<string, unknown>) : { type: "object", properties: {} };
}

/**
 * The tool call a `toolResult` answers, searched backwards through the conversation.
 *
 * @example
 * findToolUse(request.messages ?? [], "tooluse_1")?.name; // "get_weather"
 */
export function findToolUse(messages: readonly Message[], toolUseId: string | undefined): ToolUseBlock | undefined {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    for (const block of messages[index]?.content ?? []) {
      if (block.toolUse && block.toolUse.toolUseId === toolUseId) return block.toolUse;
    }
  }
  return undefined;
}

/**
 * A fresh tool-use ID for families whose native format has none (prompt-based tool calls,
 * Cohere Command R), within Bedrock's `[a-zA-Z0-9_.:-]{1,64}`.
 *
 * @example
 * newToolUseId(); // "tooluse_3f2b…"
 */
export function newToolUseId(): string {
  return `tooluse_${randomUUID().replaceAll("-", "")}`;
}

// Document formats whose bytes are text.
const TEXT_DOCUMENT_FORMATS: ReadonlySet<string> = new Set(["txt", "md", "csv", "html"]);

/**
 * The text of a document block whose source is text, or whose bytes are a text format.
 * Returns `undefined` for binary formats (pdf, docx, xlsx...).
 *
 * @example
 * documentText({ name: "notes", format: "txt", source: { text: "hello" } }); // "hello"
 */
export function documentText(document: DocumentBlock): string | undefined {
  const source = document.source;
  if (source?.text !== undefined) return source.text;
  if (source?.content) return source.content.map((part) => part.text ?? "").join("\n");
  if (source?.bytes !== undefined && (document.format === undefined || TEXT_DOCUMENT_FORMATS.has(document.format))) {
    const bytes: Uint8Array | string = source.bytes;
    return typeof bytes === "string" ? Buffer.from(bytes, "base64").toString("utf8") : Buffer.from(bytes).toString("utf8");
  }
  return undefined;
}
