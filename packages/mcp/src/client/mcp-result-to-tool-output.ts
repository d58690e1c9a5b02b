import type { DocumentBlock, ImageBlock, ToolOutput, ToolResultContentBlock } from "@sluice/core";

type DocumentFormat = NonNullable<DocumentBlock["format"]>;
type ImageFormat = NonNullable<ImageBlock["format"]>;

/** One content item of an MCP tool result, as the protocol defines it (kept loose: servers vary). */
interface McpContent {
  type: string;
  text?: string;
  data?: string;
  mimeType?: string;
  uri?: string;
  name?: string;
  description?: string;
  resource?: { uri: string; mimeType?: string; text?: string; blob?: string };
}

/**
 * An MCP `tools/call` result: current (`content`, `structuredContent`, `isError`) or the legacy `toolResult` shape.
 *
 * @example
 * const result: McpCallResult = { content: [{ type: "text", text: "done" }], isError: false };
 */
export interface McpCallResult {
  content?: readonly unknown[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
  toolResult?: unknown;
}

const imageFormats: Record<string, ImageFormat> = {
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/jpg": "jpeg",
  "image/gif": "gif",
  "image/webp": "webp",
};

const documentFormats: Record<string, DocumentFormat> = {
  "application/pdf": "pdf",
  "text/csv": "csv",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/html": "html",
  "text/plain": "txt",
  "text/markdown": "md",
};

const noOutput = "(the tool returned no output)";

/**
 * Turns an MCP tool result into the content of a Bedrock `toolResult`: text stays text;
 * images in a format Bedrock takes become image blocks; embedded resources become text (with
 * their URI), image or document blocks; resource links become a line of text; structured
 * content becomes a JSON block (and the text copy of it that servers add for older clients is
 * dropped); `isError` becomes `status: "error"`. What Bedrock cannot carry (audio, other binary
 * types) is replaced by a note saying what was left out, never dropped silently.
 *
 * @example
 * mcpResultToToolOutput({ content: [{ type: "text", text: "4" }] }); // { content: [{ text: "4" }], status: "success" }
 */
export function mcpResultToToolOutput(result: McpCallResult): ToolOutput {
  const status = result.isError === true ? "error" : "success";
  if (result.content === undefined && result.toolResult !== undefined) {
    return { content: [legacyBlock(result.toolResult)], status };
  }
  const structured = result.structuredContent;
  const structuredText = structured === undefined ? undefined : JSON.stringify(structured);
  const content: ToolResultContentBlock[] = [];
  for (const item of result.content ?? []) {
    const block = toBlock(item as McpContent);
    if (!block) continue;
    if (structuredText !== undefined && block.text !== undefined && sameJson(block.text, structuredText)) continue;
    content.push(block);
  }
  if (structured !== undefined) content.push({ json: structured as never });
  if (content.length === 0) content.push({ text: noOutput });
  return { content, status };
}

function toBlock(item: McpContent): ToolResultContentBlock | undefined {
  switch (item.type) {
    case "text":
      return typeof item.text === "string" && item.text.trim() !== "" ? { text: item.text } : undefined;
    case "image":
      return binaryBlock(item.data ?? "", item.mimeType, "image");
    case "audio":
      return { text: `[audio (${item.mimeType ?? "unknown type"}) left out: Bedrock tool results cannot carry audio]` };
    case "resource":
      return resourceBlock(item.resource);
    case "resource_link": {
      const described = item.description ? `: ${item.description}` : "";
      return { text: `[resource link ${item.name ?? ""} ${item.uri ?? ""}${item.mimeType ? ` (${item.mimeType})` : ""}${described}]`.replace(/\s+/g, " ") };
    }
    default:
      return { text: `[content of type ${JSON.stringify(item.type)} left out: Sluice does not know how to pass it to Bedrock]` };
  }
}

function resourceBlock(resource: McpContent["resource"]): ToolResultContentBlock | undefined {
  if (!resource) return undefined;
  const label = `${resource.uri}${resource.mimeType ? ` (${resource.mimeType})` : ""}`;
  if (typeof resource.text === "string") return { text: `[resource ${label}]\n${resource.text}` };
  if (typeof resource.blob === "string") return binaryBlock(resource.blob, resource.mimeType, `resource ${label}`, resource.uri);
  return { text: `[resource ${label}]` };
}

function binaryBlock(base64: string, mimeType: string | undefined, what: string, uri?: string): ToolResultContentBlock {
  const type = (mimeType ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
  const bytes = new Uint8Array(Buffer.from(base64, "base64"));
  const image = imageFormats[type];
  if (image) return { image: { format: image, source: { bytes } } };
  const document = documentFormats[type];
  if (document) return { document: { format: document, name: documentName(uri), source: { bytes } } };
  return { text: `[${what} of ${bytes.length} bytes left out: Bedrock tool results cannot carry ${type || "data of unknown type"}]` };
}

/**
 * Bedrock refuses a document whose name has characters other than letters, digits, single
 * spaces, hyphens, parentheses and square brackets, failing the whole request.
 */
export function documentName(uri: string | undefined): string {
  const last = (uri ?? "").split(/[/\\]/).filter(Boolean).pop() ?? "";
  const cleaned = last
    .replace(/\.[a-zA-Z0-9]+$/, "")
    .replace(/[^a-zA-Z0-9\s\-()[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  return cleaned === "" ? "document" : cleaned;
}

function legacyBlock(value: unknown): ToolResultContentBlock {
  if (typeof value === "string") return { text: value.trim() === "" ? noOutput : value };
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return { json: value as never };
  return { text: JSON.stringify(value) ?? noOutput };
}

function sameJson(text: string, json: string): boolean {
  if (text === json) return true;
  try {
    return JSON.stringify(JSON.parse(text)) === json;
  } catch {
    return false;
  }
}
