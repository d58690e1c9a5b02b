import type { ToolOutput, ToolResultContentBlock } from "@sluice/core";
import { isExplicitToolResult } from "./tool-result.js";

/** Image formats Bedrock accepts in a tool result. */
export type ToolImageFormat = "png" | "jpeg" | "gif" | "webp";

/** The accepted values of `imageFormat`. */
export const toolImageFormats: readonly ToolImageFormat[] = ["png", "jpeg", "gif", "webp"];

const blockKeys = new Set(["text", "json", "image", "document", "video", "searchResult"]);
const noOutputText = "(the tool returned no output)";

/**
 * Turns what a handler returned into `toolResult` content: a string becomes a text block, a
 * plain object a JSON block, bytes an image block in the tool's declared `imageFormat`, an array
 * of content blocks stays as it is, and `toolResult(...)` says it all explicitly. Numbers and
 * booleans become text, other arrays JSON text, and nothing at all a short note (Bedrock refuses
 * blank text). Throws when the value cannot be sent (bytes without a declared format, a function).
 *
 * @example
 * toToolOutput({ temperature: 21 }, "get_weather"); // { content: [{ json: { temperature: 21 } }], status: "success" }
 */
export function toToolOutput(value: unknown, toolName: string, imageFormat?: ToolImageFormat): ToolOutput {
  if (isExplicitToolResult(value)) {
    const content = typeof value.content === "string" ? [textBlock(value.content)] : copyBlocks(value.content, toolName);
    return { content: content.length > 0 ? content : [textBlock("")], status: value.status };
  }
  return { content: toContent(value, toolName, imageFormat), status: "success" };
}

function toContent(value: unknown, toolName: string, imageFormat: ToolImageFormat | undefined): ToolResultContentBlock[] {
  if (value === undefined || value === null) return [textBlock("")];
  if (typeof value === "string") return [textBlock(value)];
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return [{ text: String(value) }];
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    if (!imageFormat) {
      throw new TypeError(
        `Tool "${toolName}" returned bytes but declares no imageFormat. Set imageFormat ("png", "jpeg", "gif" or "webp") in defineTool, ` +
          "or return content blocks such as [{ document: { ... } }].",
      );
    }
    const bytes = value instanceof Uint8Array ? value : new Uint8Array(value);
    return [{ image: { format: imageFormat, source: { bytes } } }];
  }
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isContentBlock)) return copyBlocks(value, toolName);
    return [{ text: toJsonText(value, toolName) }];
  }
  if (typeof value === "object") {
    const copy = copyPlainJson(value, 0);
    const json = copy !== notPlainJson ? copy : (JSON.parse(toJsonText(value, toolName)) as unknown);
    return typeof json === "object" && json !== null && !Array.isArray(json) ? [{ json: json as never }] : [{ text: JSON.stringify(json) }];
  }
  throw new TypeError(`Tool "${toolName}" returned a ${typeof value}; return a string, a plain object, bytes, or content blocks.`);
}

/**
 * True for a single `toolResult` content block such as `{ text }`, `{ json }` or `{ image }`.
 *
 * @example
 * isContentBlock({ text: "hi" }); // true
 * isContentBlock({ text: "hi", json: {} }); // false: one key only
 */
export function isContentBlock(value: unknown): value is ToolResultContentBlock {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1 || !blockKeys.has(keys[0] as string)) return false;
  const [key] = keys;
  const inner = (value as Record<string, unknown>)[key as string];
  if (key === "text") return typeof inner === "string";
  if (key === "json") return inner !== undefined;
  return typeof inner === "object" && inner !== null;
}

function copyBlocks(blocks: readonly unknown[], toolName: string): ToolResultContentBlock[] {
  return blocks.map((block, index) => {
    if (!isContentBlock(block)) {
      throw new TypeError(
        `Tool "${toolName}" returned an invalid content block at index ${index}; each block needs exactly one of text, json, image, document, video, searchResult.`,
      );
    }
    if (block.text !== undefined) return textBlock(block.text);
    return { ...block } as ToolResultContentBlock;
  });
}

const notPlainJson = Symbol("not plain JSON");

/**
 * A copy of `value` when it is plain JSON data already (objects, arrays, strings, finite numbers,
 * booleans, null), which is what most handlers return; `notPlainJson` when JSON would change
 * something (a Date, a toJSON method, undefined, a non-finite number, a cycle), so that the JSON
 * round trip decides as before. Copying directly skips writing and parsing the JSON text.
 */
function copyPlainJson(value: unknown, depth: number): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : notPlainJson;
  if (typeof value !== "object" || depth > 64) return notPlainJson;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let index = 0; index < value.length; index += 1) {
      const item = copyPlainJson(value[index], depth + 1);
      if (item === notPlainJson) return notPlainJson;
      copy[index] = item;
    }
    return copy;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if ((prototype !== Object.prototype && prototype !== null) || typeof (value as { toJSON?: unknown }).toJSON === "function") return notPlainJson;
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    if (key === "__proto__") return notPlainJson;
    const item = copyPlainJson((value as Record<string, unknown>)[key], depth + 1);
    if (item === notPlainJson) return notPlainJson;
    copy[key] = item;
  }
  return copy;
}

function textBlock(text: string): ToolResultContentBlock {
  return { text: text.trim() === "" ? noOutputText : text };
}

function toJsonText(value: unknown, toolName: string): string {
  try {
    const text = stringifyJson(value);
    if (text === undefined) throw new TypeError("not representable as JSON");
    return text;
  } catch (error) {
    throw new TypeError(`Tool "${toolName}" returned a value that cannot be sent as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** JSON text with bigints as strings. A replacer halves `JSON.stringify`'s speed, so it only runs when plain JSON failed. */
function stringifyJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify(value, (_key, entry: unknown) => (typeof entry === "bigint" ? entry.toString() : entry));
  }
}
