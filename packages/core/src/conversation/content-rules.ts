import { isValidToolName } from "../tools/tool-registry.js";

/**
 * Bedrock's rules for one content block, checked locally so a block Bedrock would refuse never
 * leaves the agent. Each check returns the problem in words, starting with the block's path
 * (`messages[2].content[0]`), or undefined when the block is acceptable.
 */

/** The members a message content block may have; exactly one is set. */
export const contentBlockMembers = [
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
] as const;
const blockMembers = new Set<string>(contentBlockMembers);

/** The members a toolResult content block may have; exactly one is set. */
export const toolResultMembers = ["text", "json", "image", "document", "video", "searchResult"] as const;
const resultMembers = new Set<string>(toolResultMembers);

/** The members a system block may have; exactly one is set. */
export const systemBlockMembers = ["text", "guardContent", "cachePoint"] as const;
const systemMembers = new Set<string>(systemBlockMembers);

/** Bedrock's pattern for toolUse IDs. */
const toolUseIdPattern = /^[a-zA-Z0-9_-]{1,64}$/;

/** True for a plain JSON-like object: not null, not an array, not bytes. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/**
 * The one member a block sets, or a problem. Members set to `undefined` do not count (the SDK's
 * union types allow writing them).
 */
function soleMember(block: unknown, allowed: ReadonlySet<string>, where: string, kind: string): { member: string } | { problem: string } {
  if (ArrayBuffer.isView(block)) {
    return { problem: `${where} is binary data (${block.byteLength} bytes), not a ${kind}; wrap bytes as { image: { format: "png", source: { bytes } } } or { document: { format, name, source: { bytes } } }.` };
  }
  if (!isPlainObject(block)) return { problem: `${where} is ${describe(block)}, not a ${kind} object such as { text: "..." }.` };
  let member: string | undefined;
  for (const key in block) {
    if (block[key] === undefined) continue;
    if (!allowed.has(key)) {
      return { problem: `${where} has the unknown member ${JSON.stringify(key)}; a ${kind} has exactly one of ${[...allowed].join(", ")}.` };
    }
    if (member !== undefined) {
      return { problem: `${where} sets both ${member} and ${key}; a ${kind} has exactly one member. Split it into two blocks.` };
    }
    member = key;
  }
  if (member === undefined) return { problem: `${where} is empty; a ${kind} has exactly one of ${[...allowed].join(", ")}.` };
  return { member };
}

/** A short description of a value that is not what was expected. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.trim() === "" ? "a blank string" : "a string";
  if (typeof value === "object") return "an object";
  return typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
}

function blankText(text: unknown, where: string): string | undefined {
  if (typeof text !== "string") return `${where}.text is ${describe(text)}; text must be a string.`;
  if (text.trim() === "") return `${where} is a blank text block; Bedrock refuses blank text. Remove the block or give it text.`;
  return undefined;
}

/** Media (`image`, `document`, `video`, `audio`): a format and a source with bytes or an S3 location. */
function checkMedia(media: unknown, where: string, needsName: boolean): string | undefined {
  if (!isPlainObject(media)) return `${where} is ${describe(media)}; expected { format, source: { bytes } }.`;
  if (typeof media["format"] !== "string" || media["format"] === "") return `${where}.format must be a non-empty string such as "png" or "pdf".`;
  if (needsName && (typeof media["name"] !== "string" || media["name"].trim() === "")) {
    return `${where}.name must be a non-empty string (Bedrock requires a document name).`;
  }
  const source = media["source"];
  if (!isPlainObject(source)) return `${where}.source must be an object with bytes (a Uint8Array) or s3Location.`;
  const bytes = source["bytes"];
  if (bytes !== undefined) {
    if (!(bytes instanceof Uint8Array)) return `${where}.source.bytes is ${describe(bytes)}; it must be a Uint8Array (or a Buffer).`;
    if (bytes.byteLength === 0) return `${where}.source.bytes is empty.`;
    return undefined;
  }
  if (source["s3Location"] === undefined && source["text"] === undefined && source["content"] === undefined) {
    return `${where}.source has neither bytes nor s3Location.`;
  }
  return undefined;
}

/** A toolUse block: an ID Bedrock accepts, a tool name, and input that is a JSON object. */
function checkToolUse(toolUse: unknown, where: string): string | undefined {
  if (!isPlainObject(toolUse)) return `${where}.toolUse is ${describe(toolUse)}; expected { toolUseId, name, input }.`;
  const id = toolUse["toolUseId"];
  if (typeof id !== "string" || !toolUseIdPattern.test(id)) {
    return `${where}.toolUse.toolUseId is ${id === undefined ? "missing" : JSON.stringify(id)}; it must be 1 to 64 characters from a-z, A-Z, 0-9, "_" and "-".`;
  }
  if (!isValidToolName(toolUse["name"])) {
    return `${where}.toolUse.name ${JSON.stringify(toolUse["name"])} is not a tool name Bedrock accepts (1 to 64 characters from a-z, A-Z, 0-9, "_" and "-").`;
  }
  if (!isPlainObject(toolUse["input"])) {
    return `${where}.toolUse.input is ${describe(toolUse["input"])}; tool input must be a JSON object (use {} for none).`;
  }
  return undefined;
}

/** A toolResult block: the ID it answers, content blocks, and a status. */
function checkToolResult(toolResult: unknown, where: string): string | undefined {
  if (!isPlainObject(toolResult)) return `${where}.toolResult is ${describe(toolResult)}; expected { toolUseId, content, status? }.`;
  const id = toolResult["toolUseId"];
  if (typeof id !== "string" || id === "") return `${where}.toolResult needs the toolUseId it answers (a non-empty string).`;
  const status = toolResult["status"];
  if (status !== undefined && status !== "success" && status !== "error") {
    return `${where}.toolResult.status is ${JSON.stringify(status)}; use "success" or "error".`;
  }
  const content = toolResult["content"];
  if (Array.isArray(content) && content.length === 0 && status === "error") return `${where}.toolResult.content is empty; an error result must say what went wrong.`;
  return checkToolResultContent(content, `${where}.toolResult.content`);
}

/**
 * Checks the content of a toolResult (what a tool returns): an array of blocks, each with exactly
 * one of text, json, image, document, video, searchResult. Returns the problem, or undefined.
 *
 * @example
 * checkToolResultContent([{ text: "" }], "content"); // "content[0] is a blank text block; ..."
 */
export function checkToolResultContent(content: unknown, where: string): string | undefined {
  if (!Array.isArray(content)) return `${where} is ${describe(content)}; it must be an array of blocks such as { text: "..." } or { json: {...} }.`;
  for (let index = 0; index < content.length; index += 1) {
    const inner = `${where}[${index}]`;
    const found = soleMember(content[index], resultMembers, inner, "tool result block");
    if ("problem" in found) return found.problem;
    const value = (content[index] as Record<string, unknown>)[found.member];
    if (found.member === "text") {
      const problem = blankText(value, inner);
      if (problem) return problem;
    } else if (found.member === "json") {
      if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return `${inner}.json is ${describe(value)}; json results must be an object or an array.`;
    } else if (found.member === "image" || found.member === "document" || found.member === "video") {
      const problem = checkMedia(value, `${inner}.${found.member}`, found.member === "document");
      if (problem) return problem;
    }
  }
  return undefined;
}

function checkReasoning(reasoning: unknown, where: string): string | undefined {
  const found = soleMember(reasoning, new Set(["reasoningText", "redactedContent"]), `${where}.reasoningContent`, "reasoning block");
  if ("problem" in found) return found.problem;
  const value = (reasoning as Record<string, unknown>)[found.member];
  if (found.member === "redactedContent") {
    return value instanceof Uint8Array ? undefined : `${where}.reasoningContent.redactedContent must be bytes (a Uint8Array).`;
  }
  if (!isPlainObject(value) || typeof value["text"] !== "string") return `${where}.reasoningContent.reasoningText needs text (a string).`;
  if (value["signature"] !== undefined && typeof value["signature"] !== "string") return `${where}.reasoningContent.reasoningText.signature must be a string.`;
  return undefined;
}

/**
 * Checks one content block of a message with role `role`. Returns the problem, or undefined.
 *
 * @example
 * checkContentBlock({ text: " " }, "user", "messages[0].content[0]"); // "messages[0].content[0] is a blank text block; ..."
 */
export function checkContentBlock(block: unknown, role: "user" | "assistant", where: string): string | undefined {
  const found = soleMember(block, blockMembers, where, "content block");
  if ("problem" in found) return found.problem;
  const value = (block as Record<string, unknown>)[found.member];
  switch (found.member) {
    case "text":
      return blankText(value, where);
    case "image":
    case "video":
    case "audio":
      return checkMedia(value, `${where}.${found.member}`, false);
    case "document":
      return checkMedia(value, `${where}.document`, true);
    case "toolUse":
      if (role !== "assistant") return `${where}: toolUse blocks may only appear in assistant messages.`;
      return checkToolUse(value, where);
    case "toolResult":
      // Server-side tools (e.g. Nova's code interpreter) put a typed toolResult in the assistant message.
      if (role !== "user" && (value as { type?: unknown } | null)?.type === undefined) {
        return `${where}: toolResult blocks may only appear in user messages.`;
      }
      return checkToolResult(value, where);
    case "reasoningContent":
      if (role !== "assistant") {
        return `${where}: reasoningContent blocks may only appear in assistant messages; keep them in the assistant turn that produced them.`;
      }
      return checkReasoning(value, where);
    case "cachePoint":
      return isPlainObject(value) && value["type"] === "default" ? undefined : `${where}.cachePoint must be { type: "default" }.`;
    default:
      return isPlainObject(value) ? undefined : `${where}.${found.member} is ${describe(value)}; expected an object.`;
  }
}

/**
 * Checks a system prompt's blocks (text, guardContent, cachePoint). Returns the problem, or undefined.
 *
 * @example
 * checkSystemBlocks([{ text: "" }]); // "system[0] is a blank text block; ..."
 */
export function checkSystemBlocks(system: unknown, where = "system"): string | undefined {
  if (!Array.isArray(system)) return `${where} is ${describe(system)}; it must be a string or an array of system blocks such as { text: "..." }.`;
  for (let index = 0; index < system.length; index += 1) {
    const at = `${where}[${index}]`;
    const found = soleMember(system[index], systemMembers, at, "system block");
    if ("problem" in found) return found.problem;
    const value = (system[index] as Record<string, unknown>)[found.member];
    if (found.member === "text") {
      const problem = blankText(value, at);
      if (problem) return problem;
    } else if (found.member === "cachePoint" && !(isPlainObject(value) && value["type"] === "default")) {
      return `${at}.cachePoint must be { type: "default" }.`;
    } else if (!isPlainObject(value)) {
      return `${at}.${found.member} is ${describe(value)}; expected an object.`;
    }
  }
  return undefined;
}
