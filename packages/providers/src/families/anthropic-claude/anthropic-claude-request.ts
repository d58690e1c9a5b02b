import type {
  CachePointBlock,
  ContentBlock,
  DocumentBlock,
  ImageBlock,
  Message,
  ToolResultContentBlock,
} from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { NativeBody } from "../../adapter.js";
import { UnsupportedFeatureError } from "../../errors/unsupported-feature-error.js";
import { additionalFields, documentText, inferenceSettings, toBase64, toolInputSchema } from "../../shared/converse-content.js";
import { outputSchemaOf } from "../../shared/structured-output.js";
import { compact } from "../../shared/native-values.js";

export const ANTHROPIC_CLAUDE_FAMILY = "anthropic-claude";
export const ANTHROPIC_CLAUDE_NAME = "Anthropic Claude";

/** Claude's Messages API needs `max_tokens`; Converse does not, so this fills the gap. */
export const CLAUDE_DEFAULT_MAX_TOKENS = 4096;

type NativeBlock = Record<string, unknown>;

function unsupported(feature: string, hint: string): never {
  throw new UnsupportedFeatureError(ANTHROPIC_CLAUDE_FAMILY, ANTHROPIC_CLAUDE_NAME, feature, hint);
}

function cacheControl(cachePoint: CachePointBlock): Record<string, unknown> {
  return compact({ type: "ephemeral", ttl: cachePoint.ttl });
}

function imageBlock(image: ImageBlock): NativeBlock {
  if (!image.source?.bytes) unsupported("images from S3 locations", "Pass the image bytes instead of an s3Location.");
  return { type: "image", source: { type: "base64", media_type: `image/${image.format ?? "png"}`, data: toBase64(image.source.bytes) } };
}

function documentBlock(document: DocumentBlock): NativeBlock {
  const extras = compact({
    title: document.name,
    context: document.context,
    citations: document.citations?.enabled !== undefined ? { enabled: document.citations.enabled } : undefined,
  });
  if (document.format === "pdf" && document.source?.bytes !== undefined) {
    return { type: "document", source: { type: "base64", media_type: "application/pdf", data: toBase64(document.source.bytes) }, ...extras };
  }
  const text = documentText(document);
  if (text === undefined) {
    unsupported(`documents in ${document.format ?? "this"} format`, "Claude reads PDF and plain-text documents; convert the file first.");
  }
  return { type: "document", source: { type: "text", media_type: "text/plain", data: text }, ...extras };
}

function toolResultContent(block: ToolResultContentBlock): NativeBlock {
  if (block.text !== undefined) return { type: "text", text: block.text };
  if (block.json !== undefined) return { type: "text", text: JSON.stringify(block.json) };
  if (block.image) return imageBlock(block.image);
  if (block.document) return documentBlock(block.document);
  return unsupported("this tool result content", "Return text, JSON, images or documents from tools.");
}

function contentBlock(block: ContentBlock): NativeBlock | undefined {
  if (block.text !== undefined) return { type: "text", text: block.text };
  if (block.guardContent?.text) return { type: "text", text: block.guardContent.text.text ?? "" };
  if (block.image) return imageBlock(block.image);
  if (block.document) return documentBlock(block.document);
  if (block.toolUse) return { type: "tool_use", id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input ?? {} };
  if (block.toolResult) {
    return compact({
      type: "tool_result",
      tool_use_id: block.toolResult.toolUseId,
      content: (block.toolResult.content ?? []).map(toolResultContent),
      is_error: block.toolResult.status === "error" ? true : undefined,
    });
  }
  if (block.reasoningContent?.reasoningText) {
    const { text, signature } = block.reasoningContent.reasoningText;
    return compact({ type: "thinking", thinking: text ?? "", signature });
  }
  if (block.reasoningContent?.redactedContent) {
    return { type: "redacted_thinking", data: toBase64(block.reasoningContent.redactedContent) };
  }
  if (block.citationsContent) {
    return { type: "text", text: (block.citationsContent.content ?? []).map((part) => part.text ?? "").join("") };
  }
  return unsupported("this content block", "Use text, image, document, tool and reasoning blocks.");
}

// A Converse cachePoint marks the block before it; Claude puts cache_control on that block.
function withCachePoints<T>(items: readonly T[], convert: (item: T) => NativeBlock | undefined, cachePointOf: (item: T) => CachePointBlock | undefined): NativeBlock[] {
  const converted: NativeBlock[] = [];
  for (const item of items) {
    const cachePoint = cachePointOf(item);
    if (cachePoint) {
      const previous = converted[converted.length - 1];
      if (previous) previous.cache_control = cacheControl(cachePoint);
      continue;
    }
    const block = convert(item);
    if (block) converted.push(block);
  }
  return converted;
}

function nativeMessage(message: Message): NativeBlock {
  const content = withCachePoints(message.content ?? [], contentBlock, (block) => block.cachePoint);
  return { role: message.role, content };
}

function nativeSystem(request: ModelRequest): unknown {
  const system = request.system ?? [];
  if (system.length === 0) return undefined;
  const blocks = withCachePoints(
    system,
    (block) => (block.text !== undefined ? { type: "text", text: block.text } : block.guardContent?.text ? { type: "text", text: block.guardContent.text.text } : undefined),
    (block) => block.cachePoint,
  );
  // A plain string when nothing is cached, as most callers write it.
  if (blocks.every((block) => block.cache_control === undefined)) return blocks.map((block) => block.text).join("\n\n");
  return blocks;
}

function nativeTools(request: ModelRequest): Record<string, unknown> {
  const tools = request.toolConfig?.tools ?? [];
  if (tools.length === 0) return {};
  const nativeList = withCachePoints(
    tools,
    (tool) => {
      if (tool.systemTool) unsupported(`system tool "${tool.systemTool.name}"`, "System tools are Nova-only.");
      const spec = tool.toolSpec;
      if (!spec) return undefined;
      return compact({ name: spec.name, description: spec.description, input_schema: toolInputSchema(spec), strict: spec.strict });
    },
    (tool) => tool.cachePoint,
  );
  const choice = request.toolConfig?.toolChoice;
  let toolChoice: Record<string, unknown> | undefined;
  if (choice?.any) toolChoice = { type: "any" };
  else if (choice?.tool) toolChoice = { type: "tool", name: choice.tool.name };
  else if (choice?.auto) toolChoice = { type: "auto" };
  return compact({ tools: nativeList, tool_choice: toolChoice });
}

/**
 * Converse request → Anthropic Messages body for Bedrock: `anthropic_version`, `max_tokens`
 * (default {@link CLAUDE_DEFAULT_MAX_TOKENS}), system string or cached blocks, content blocks
 * (images and PDFs as base64, thinking with signatures, tool use and results), tools and
 * `tool_choice` (strict tools keep `strict`), stop sequences, native structured output as
 * `output_config.format`, and `additionalModelRequestFields` (e.g. `thinking`, `top_k`,
 * `output_config.effort`) merged at the top level.
 *
 * @example
 * buildClaudeRequest({ modelId, messages: [{ role: "user", content: [{ text: "Hi" }] }], inferenceConfig: { maxTokens: 50 } });
 * // { anthropic_version: "bedrock-2023-05-31", max_tokens: 50, messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }] }
 */
export function buildClaudeRequest(request: ModelRequest): NativeBody {
  const settings = inferenceSettings(request);
  const additional = additionalFields(request);
  const output = outputSchemaOf(request, ANTHROPIC_CLAUDE_FAMILY, "Anthropic Claude");
  // Converse's outputConfig is Claude's output_config.format; an effort set there is kept beside it.
  if (output !== undefined) {
    const config = typeof additional.output_config === "object" && additional.output_config !== null ? (additional.output_config as Record<string, unknown>) : {};
    additional.output_config = { ...config, format: { type: "json_schema", schema: output.schema } };
  }
  return compact({
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: settings.maxTokens ?? CLAUDE_DEFAULT_MAX_TOKENS,
    system: nativeSystem(request),
    messages: (request.messages ?? []).map(nativeMessage),
    temperature: settings.temperature,
    top_p: settings.topP,
    stop_sequences: settings.stopSequences,
    ...nativeTools(request),
    ...additional,
  });
}
