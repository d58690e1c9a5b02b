import type { Message, SystemContentBlock, ToolConfiguration } from "@aws-sdk/client-bedrock-runtime";
import { ConversationValidationError } from "../errors/conversation-error.js";
import { isValidToolName } from "../tools/tool-registry.js";
import { checkSystemBlocks, describe, isPlainObject } from "./content-rules.js";
import { messageFromJson, systemFromJson } from "./json-codec.js";
import { cloneJson } from "./clone-json.js";
import { emptyUsage, type Usage } from "./usage.js";

/**
 * Reading snapshots back (from `JSON.parse`, a store, another process): every part is checked
 * before it is used, and problems name their path. Messages themselves are checked by the
 * conversation they are appended to; this module checks what surrounds them.
 */

/** Keys that could reach an object's prototype when restored data is later merged or spread. */
const prototypeKeys = new Set(["__proto__", "constructor", "prototype"]);

/** Throws a `ConversationValidationError` for a snapshot problem at `path`. */
export function snapshotProblem(path: string, problem: string): never {
  throw new ConversationValidationError(`${path} ${problem}`, 0);
}

/**
 * Refuses prototype keys anywhere in `value` (own keys named `__proto__`, `constructor` or
 * `prototype`), naming the first one's path.
 */
export function refusePrototypeKeys(value: unknown, path: string, depth = 0): void {
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return;
  if (depth > 200) snapshotProblem(path, "is nested more than 200 levels deep.");
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) refusePrototypeKeys(value[index], `${path}[${index}]`, depth + 1);
    return;
  }
  for (const key of Object.keys(value)) {
    if (prototypeKeys.has(key)) snapshotProblem(path, `has the key "${key}", which restored data may not hold (it could reach an object's prototype).`);
    refusePrototypeKeys((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
  }
}

/** Reads usage counters: each absent (0) or a finite number ≥ 0. */
export function readUsage(value: unknown, path: string): Usage {
  const usage = emptyUsage();
  if (value === undefined) return usage;
  if (!isPlainObject(value)) snapshotProblem(path, `is ${describe(value)}; expected { inputTokens, outputTokens, totalTokens, ... }.`);
  for (const key of Object.keys(usage) as Array<keyof Usage>) {
    const counter = value[key];
    if (counter === undefined) continue;
    if (typeof counter !== "number" || !Number.isFinite(counter) || counter < 0) {
      snapshotProblem(`${path}.${key}`, `is ${JSON.stringify(counter) ?? describe(counter)}; token counters must be numbers ≥ 0.`);
    }
    usage[key] = counter;
  }
  return usage;
}

/** Reads wire-JSON messages (base64 bytes) into messages; their rules are checked where they are appended. */
export function readMessages(value: unknown, path: string): Message[] {
  if (!Array.isArray(value)) snapshotProblem(path, `is ${describe(value)}; expected an array of messages.`);
  return value.map((message, index) => {
    if (!isPlainObject(message)) snapshotProblem(`${path}[${index}]`, `is ${describe(message)}, not a message { role, content }.`);
    if (!Array.isArray(message["content"])) snapshotProblem(`${path}[${index}].content`, `is ${describe(message["content"])}; expected an array of content blocks.`);
    checkBase64(message["content"], `${path}[${index}].content`);
    return messageFromJson(message);
  });
}

/** Binary fields in wire JSON are base64 strings; anything else there is refused before decoding. */
function checkBase64(blocks: unknown[], path: string): void {
  blocks.forEach((block, index) => {
    if (!isPlainObject(block)) return;
    for (const key of ["image", "document", "video", "audio"]) {
      const source = (block[key] as { source?: { bytes?: unknown } } | undefined)?.source;
      if (isPlainObject(source) && source.bytes !== undefined && !isBase64(source.bytes)) {
        snapshotProblem(`${path}[${index}].${key}.source.bytes`, "must be a base64 string in a snapshot.");
      }
    }
    const redacted = (block["reasoningContent"] as { redactedContent?: unknown } | undefined)?.redactedContent;
    if (redacted !== undefined && !isBase64(redacted)) snapshotProblem(`${path}[${index}].reasoningContent.redactedContent`, "must be a base64 string in a snapshot.");
    const inner = (block["toolResult"] as { content?: unknown } | undefined)?.content;
    if (Array.isArray(inner)) checkBase64(inner, `${path}[${index}].toolResult.content`);
  });
}

function isBase64(value: unknown): boolean {
  return typeof value === "string" && /^[A-Za-z0-9+/_-]*={0,2}$/.test(value);
}

function readToolConfig(value: unknown, path: string): ToolConfiguration {
  if (!isPlainObject(value) || !Array.isArray(value["tools"])) snapshotProblem(path, `is ${describe(value)}; expected { tools: [...] }.`);
  value["tools"].forEach((tool: unknown, index: number) => {
    const at = `${path}.tools[${index}]`;
    if (!isPlainObject(tool)) snapshotProblem(at, `is ${describe(tool)}; expected { toolSpec: { name, inputSchema } }.`);
    const spec = tool["toolSpec"];
    if (spec === undefined) return; // cachePoint or a system tool
    if (!isPlainObject(spec) || !isValidToolName(spec["name"])) snapshotProblem(`${at}.toolSpec.name`, "must be a tool name Bedrock accepts.");
    if (!isPlainObject(spec["inputSchema"])) snapshotProblem(`${at}.toolSpec.inputSchema`, "must be an object such as { json: { type: \"object\" } }.");
  });
  return cloneJson(value) as unknown as ToolConfiguration;
}

/**
 * Checks a conversation snapshot's shape (format, version, messages, system, toolConfig, usage)
 * and refuses prototype keys; returns its parts decoded. Throws `ConversationValidationError`.
 *
 * @example
 * const { messages, usage } = readConversationSnapshot(JSON.parse(text));
 */
export function readConversationSnapshot(snapshot: unknown): {
  messages: Message[];
  system?: SystemContentBlock[];
  toolConfig?: ToolConfiguration;
  usage: Usage;
} {
  if (!isPlainObject(snapshot) || snapshot["format"] !== "sluice.conversation" || snapshot["version"] !== 1) {
    throw new ConversationValidationError(
      'Not a Sluice conversation snapshot (expected format "sluice.conversation", version 1). Pass the object that snapshot() returned.',
      0,
    );
  }
  refusePrototypeKeys(snapshot, "snapshot");
  const messages = readMessages(snapshot["messages"], "messages");
  let system: SystemContentBlock[] | undefined;
  if (snapshot["system"] !== undefined) {
    if (!Array.isArray(snapshot["system"])) snapshotProblem("system", `is ${describe(snapshot["system"])}; expected an array of system blocks.`);
    system = systemFromJson(snapshot["system"]);
    const problem = checkSystemBlocks(system);
    if (problem) throw new ConversationValidationError(problem, 0);
  }
  const toolConfig = snapshot["toolConfig"] === undefined ? undefined : readToolConfig(snapshot["toolConfig"], "toolConfig");
  return { messages, ...(system && { system }), ...(toolConfig && { toolConfig }), usage: readUsage(snapshot["usage"], "usage") };
}
