import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ToolOutput, ToolResultContentBlock } from "@sluice/core";

type McpContent = CallToolResult["content"][number];

const documentMimeTypes: Record<string, string> = {
  pdf: "application/pdf",
  csv: "text/csv",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  html: "text/html",
  txt: "text/plain",
  md: "text/markdown",
};

/**
 * Turns a Sluice tool's output into an MCP tool result: text stays text, JSON becomes text (and
 * `structuredContent` when it is the whole result and the tool declares an output schema),
 * images become image content, documents embedded resources; `status: "error"` becomes
 * `isError: true`.
 *
 * @example
 * toolOutputToMcpResult({ content: [{ json: { celsius: 21 } }] }, true);
 * // { content: [{ type: "text", text: '{"celsius":21}' }], structuredContent: { celsius: 21 } }
 */
export function toolOutputToMcpResult(output: ToolOutput, structured = false): CallToolResult {
  const content = output.content.map(toMcpContent);
  const only = output.content.length === 1 ? output.content[0]?.json : undefined;
  const structuredContent = structured && isPlainObject(only) ? (only as Record<string, unknown>) : undefined;
  return {
    content,
    ...(structuredContent && { structuredContent }),
    ...(output.status === "error" && { isError: true }),
  };
}

function toMcpContent(block: ToolResultContentBlock): McpContent {
  if (block.text !== undefined) return { type: "text", text: block.text };
  if (block.json !== undefined) return { type: "text", text: JSON.stringify(block.json) };
  if (block.image?.source?.bytes) {
    return { type: "image", data: Buffer.from(block.image.source.bytes).toString("base64"), mimeType: `image/${block.image.format ?? "png"}` };
  }
  if (block.document?.source?.bytes) {
    const format = block.document.format ?? "txt";
    return {
      type: "resource",
      resource: {
        uri: `sluice://documents/${encodeURIComponent(block.document.name ?? "document")}.${format}`,
        mimeType: documentMimeTypes[format] ?? "application/octet-stream",
        blob: Buffer.from(block.document.source.bytes).toString("base64"),
      },
    };
  }
  const kind = Object.keys(block)[0] ?? "unknown";
  return { type: "text", text: `[${kind} content left out: it cannot be sent over MCP]` };
}

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
