import type {
  WireContentBlock,
  WireConverseRequest,
  WireMessage,
  WireSystemBlock,
  WireToolConfiguration,
} from "../wire/converse-types.js";
import { NativeBodyError } from "./model-family.js";
import { claudeModelTraits } from "./claude-model-traits.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";

type JsonObject = Record<string, unknown>;

const MESSAGES_SCHEMA: BodySchema = {
  required: ["anthropic_version", "max_tokens", "messages"],
  properties: {
    // Any version string: current Anthropic SDKs send their API version (e.g. "2026-10-21"), older ones "bedrock-2023-05-31".
    anthropic_version: { type: "string" },
    anthropic_beta: { type: "array", items: { type: "string" } },
    max_tokens: { type: "integer", minimum: 1 },
    messages: { type: "array", items: { type: "object", required: ["role", "content"], open: true, properties: {} } },
    system: { type: ["string", "array"] },
    temperature: { type: "number", minimum: 0, maximum: 1 },
    top_p: { type: "number", minimum: 0, maximum: 1 },
    top_k: { type: "integer", minimum: 0 },
    stop_sequences: { type: "array", items: { type: "string" } },
    tools: { type: "array", items: { type: "object" } },
    tool_choice: { type: "object" },
    thinking: { type: "object" },
    // Structured output and effort (current Claude models): { format: { type: "json_schema", schema }, effort }.
    output_config: { type: "object" },
  },
};

// Anthropic's own validation (behind Bedrock's schema check) names fields with dotted paths.
function fail(path: string, problem: string): never {
  throw new NativeBodyError(`${path}: ${problem}`);
}

function asObject(value: unknown, path: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "Input should be a valid dictionary");
  return value as JsonObject;
}

function requireString(block: JsonObject, key: string, path: string): string {
  const value = block[key];
  if (value === undefined) fail(`${path}.${key}`, "Field required");
  if (typeof value !== "string") fail(`${path}.${key}`, "Input should be a valid string");
  return value;
}

/** The Converse cache point for a block's `cache_control` (its `ttl`, "5m" or "1h", carried over). */
function cachePointOf(block: JsonObject): { cachePoint: { type: "default"; ttl?: string } } {
  const control = block.cache_control as JsonObject | undefined;
  return { cachePoint: typeof control?.ttl === "string" ? { type: "default", ttl: control.ttl } : { type: "default" } };
}

function withCachePoint(block: JsonObject, converted: WireContentBlock[]): WireContentBlock[] {
  return block.cache_control === undefined ? converted : [...converted, cachePointOf(block)];
}

function imageBlock(block: JsonObject, path: string): WireContentBlock {
  const source = asObject(block.source, `${path}.source`);
  if (source.type !== "base64") fail(`${path}.source.type`, "only base64 image sources are supported on Bedrock");
  const mediaType = requireString(source, "media_type", `${path}.source`);
  return { image: { format: mediaType.replace(/^image\//, ""), source: { bytes: requireString(source, "data", `${path}.source`) } } };
}

function documentBlock(block: JsonObject, path: string, position: number): WireContentBlock {
  const source = asObject(block.source, `${path}.source`);
  const name = typeof block.title === "string" ? block.title : `document-${position + 1}`;
  const extra = typeof block.context === "string" ? { context: block.context } : {};
  if (source.type === "base64") {
    return { document: { format: "pdf", name, source: { bytes: requireString(source, "data", `${path}.source`) }, ...extra } };
  }
  if (source.type === "text") {
    return { document: { format: "txt", name, source: { text: requireString(source, "data", `${path}.source`) }, ...extra } };
  }
  if (source.type === "content" && Array.isArray(source.content)) {
    const parts = source.content.map((part, index) => ({ text: requireString(asObject(part, `${path}.source.content.${index}`), "text", `${path}.source.content.${index}`) }));
    return { document: { format: "txt", name, source: { content: parts }, ...extra } };
  }
  fail(`${path}.source.type`, "Input should be 'base64', 'text' or 'content'");
}

function toolResultContent(content: unknown, path: string): Array<Record<string, unknown>> {
  if (content === undefined) return [];
  if (typeof content === "string") return [{ text: content }];
  if (!Array.isArray(content)) fail(path, "Input should be a valid string or list");
  return content.map((item, index) => {
    const part = asObject(item, `${path}.${index}`);
    if (part.type === "text") return { text: requireString(part, "text", `${path}.${index}`) };
    if (part.type === "image") return imageBlock(part, `${path}.${index}`) as Record<string, unknown>;
    if (part.type === "document") return documentBlock(part, `${path}.${index}`, index) as Record<string, unknown>;
    if (part.type === "search_result") return { searchResult: part };
    fail(`${path}.${index}.type`, "Input should be 'text', 'image', 'document' or 'search_result'");
  });
}

const BLOCK_TAGS = "'text', 'image', 'document', 'search_result', 'tool_use', 'tool_result', 'thinking', 'redacted_thinking'";

function contentBlock(value: unknown, path: string, position: number): WireContentBlock[] {
  const block = asObject(value, path);
  switch (block.type) {
    case "text":
      return withCachePoint(block, [{ text: requireString(block, "text", path) }]);
    case "image":
      return withCachePoint(block, [imageBlock(block, path)]);
    case "document":
      return withCachePoint(block, [documentBlock(block, path, position)]);
    case "search_result":
      return withCachePoint(block, [{ searchResult: { source: block.source, title: block.title, content: block.content } }]);
    case "tool_use":
    case "server_tool_use":
      return withCachePoint(block, [
        {
          toolUse: {
            toolUseId: requireString(block, "id", path),
            name: requireString(block, "name", path),
            input: block.input ?? {},
            ...(block.type === "server_tool_use" ? { type: "server_tool_use" } : {}),
          },
        },
      ]);
    case "tool_result":
      return withCachePoint(block, [
        {
          toolResult: {
            toolUseId: requireString(block, "tool_use_id", path),
            content: toolResultContent(block.content, `${path}.content`),
            status: block.is_error === true ? "error" : "success",
          },
        },
      ]);
    case "thinking": {
      const signature = typeof block.signature === "string" ? { signature: block.signature } : {};
      return [{ reasoningContent: { reasoningText: { text: requireString(block, "thinking", path), ...signature } } }];
    }
    case "redacted_thinking":
      return [{ reasoningContent: { redactedContent: requireString(block, "data", path) } }];
    case undefined:
      fail(`${path}.type`, "Field required");
    default:
      fail(path, `Input tag '${String(block.type)}' found using 'type' does not match any of the expected tags: ${BLOCK_TAGS}`);
  }
}

type Role = "user" | "assistant" | "system";

function message(value: unknown, index: number, systemMessages: boolean): { role: Role; content: WireContentBlock[] } {
  const path = `messages.${index}`;
  const entry = asObject(value, path);
  const roles: Role[] = systemMessages ? ["user", "assistant", "system"] : ["user", "assistant"];
  if (!roles.includes(entry.role as Role)) fail(`${path}.role`, systemMessages ? "Input should be 'user', 'assistant' or 'system'" : "Input should be 'user' or 'assistant'");
  const role = entry.role as Role;
  if (typeof entry.content === "string") return { role, content: [{ text: entry.content }] };
  if (!Array.isArray(entry.content)) fail(`${path}.content`, "Input should be a valid string or list");
  return { role, content: entry.content.flatMap((block, position) => contentBlock(block, `${path}.content.${position}`, position)) };
}

// Two content rules Claude enforces itself, in its own words.
function checkMessageText(messages: WireMessage[]): void {
  if (messages.some((entry) => entry.content.some((block) => block.text === ""))) {
    throw new NativeBodyError("messages: text content blocks must be non-empty");
  }
  const last = messages[messages.length - 1];
  const lastBlock = last?.content[last.content.length - 1];
  if (last?.role === "assistant" && lastBlock?.text !== undefined && /\s$/.test(lastBlock.text)) {
    throw new NativeBodyError("messages: final assistant content cannot end with trailing whitespace");
  }
}

function systemBlocks(system: unknown): WireSystemBlock[] | undefined {
  if (system === undefined) return undefined;
  if (typeof system === "string") return system === "" ? [] : [{ text: system }];
  return (system as unknown[]).flatMap((value, index) => {
    const block = asObject(value, `system.${index}`);
    if (block.type !== "text") fail(`system.${index}.type`, "Input should be 'text'");
    const text: WireSystemBlock[] = [{ text: requireString(block, "text", `system.${index}`) }];
    return block.cache_control === undefined ? text : [...text, cachePointOf(block)];
  });
}

function toolConfiguration(body: JsonObject): WireToolConfiguration | undefined {
  if (!Array.isArray(body.tools) || body.tools.length === 0) return undefined;
  const tools: WireToolConfiguration["tools"] = body.tools.flatMap((value, index) => {
    const tool = asObject(value, `tools.${index}`);
    const name = requireString(tool, "name", `tools.${index}`);
    const description = typeof tool.description === "string" ? { description: tool.description } : {};
    // Anthropic-defined tools (bash, text editor, computer) carry a type instead of a schema.
    const schema = tool.input_schema ?? { type: "object", properties: {} };
    const strict = tool.strict === undefined ? {} : { strict: tool.strict as boolean };
    const spec = { toolSpec: { name, ...description, inputSchema: { json: schema }, ...strict } };
    return tool.cache_control === undefined ? [spec] : [spec, cachePointOf(tool)];
  });
  const choice = body.tool_choice as JsonObject | undefined;
  if (choice === undefined || choice.type === "none") return { tools };
  if (choice.type === "auto") return { tools, toolChoice: { auto: {} } };
  if (choice.type === "any") return { tools, toolChoice: { any: {} } };
  if (choice.type === "tool") return { tools, toolChoice: { tool: { name: requireString(choice, "name", "tool_choice") } } };
  fail("tool_choice.type", "Input should be 'auto', 'any', 'tool' or 'none'");
}

// Fields Converse itself has no member for travel in additionalModelRequestFields, as with Converse.
function additionalFields(body: JsonObject): Record<string, unknown> | undefined {
  const fields: Record<string, unknown> = {};
  for (const key of ["top_k", "thinking", "output_config", "anthropic_beta"]) if (body[key] !== undefined) fields[key] = body[key];
  const choice = body.tool_choice as JsonObject | undefined;
  if (choice !== undefined && (choice.type === "none" || choice.disable_parallel_tool_use !== undefined)) fields.tool_choice = choice;
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/**
 * Validates an Anthropic Messages body as Claude on Bedrock does and converts it to Converse terms:
 * string or block system prompts, text/image/document/tool_use/tool_result/thinking/redacted_thinking
 * blocks, `cache_control` as cache points (with their TTL), tools and tool choice; `top_k`,
 * `thinking`, `output_config` and `anthropic_beta` go to `additionalModelRequestFields`. Models that
 * accept `system` messages inside the conversation (Claude Opus 4.8 on) have them added to the
 * system prompt.
 *
 * @example
 * parseAnthropicMessagesRequest({ anthropic_version: "bedrock-2023-05-31", max_tokens: 50, messages: [{ role: "user", content: "Hi" }] });
 */
export function parseAnthropicMessagesRequest(body: unknown, modelId = ""): WireConverseRequest {
  assertBody(body, MESSAGES_SCHEMA);
  const entries = (body.messages as unknown[]).map((value, index) => message(value, index, claudeModelTraits(modelId).systemMessages));
  // Converse has no system role inside the conversation: such instructions join the system prompt.
  const messages = entries.filter((entry): entry is WireMessage => entry.role !== "system");
  const laterSystem = entries.filter((entry) => entry.role === "system").flatMap((entry) => entry.content.filter((block) => block.text !== undefined).map((block) => ({ text: block.text ?? "" })));
  checkMessageText(messages);
  const request: WireConverseRequest = { messages };
  const system = systemBlocks(body.system);
  if (system !== undefined || laterSystem.length > 0) request.system = [...(system ?? []), ...laterSystem];
  request.inferenceConfig = { maxTokens: body.max_tokens as number };
  if (body.temperature !== undefined) request.inferenceConfig.temperature = body.temperature as number;
  if (body.top_p !== undefined) request.inferenceConfig.topP = body.top_p as number;
  if (body.stop_sequences !== undefined) request.inferenceConfig.stopSequences = body.stop_sequences as string[];
  const tools = toolConfiguration(body);
  if (tools !== undefined) request.toolConfig = tools;
  const additional = additionalFields(body);
  if (additional !== undefined) request.additionalModelRequestFields = additional;
  // Native structured output is the same feature as Converse's outputConfig: checked and answered alike.
  const format = (body.output_config as JsonObject | undefined)?.format as JsonObject | undefined;
  if (format?.type === "json_schema" && format.schema !== undefined) {
    request.outputConfig = { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: JSON.stringify(format.schema) } } } };
  }
  return request;
}
