import type { ModelRequest, Tool } from "@sluice/core";
import type { JsonSchemaObject } from "../schema/schema-types.js";

// Keywords Claude's constrained decoding refuses (AWS structured-output documentation; recorded:
// multipleOf, maxItems, minItems above 1). They are left out of what is sent and still checked
// when Sluice validates the answer against the full schema.
const UNSENT = new Set(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "maxItems", "maxLength"]);

/**
 * The schema as sent for native structured output: `additionalProperties: false` on every
 * object that does not say otherwise (constrained decoding needs closed objects), without the
 * keywords constrained decoding refuses (numeric bounds, `maxLength`, `maxItems`, `minItems`
 * above 1). The answer is validated against the full schema afterwards.
 */
export function closedObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closedObjects);
  if (typeof schema !== "object" || schema === null) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (UNSENT.has(key) && typeof value === "number") continue;
    if (key === "minItems" && typeof value === "number" && value > 1) continue;
    copy[key] = key === "properties" || key === "$defs" || key === "definitions" ? mapValues(value) : closedObjects(value);
  }
  if (copy["type"] === "object" && copy["additionalProperties"] === undefined) copy["additionalProperties"] = false;
  return copy;
}

function mapValues(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, closedObjects(entry)]));
}

/** Converse's `outputConfig.textFormat` for a JSON schema (sent as a JSON string). */
export function jsonSchemaFormat(schema: JsonSchemaObject, name: string, description: string | undefined): NonNullable<ModelRequest["outputConfig"]> {
  return {
    textFormat: {
      type: "json_schema",
      structure: { jsonSchema: { schema: JSON.stringify(closedObjects(schema)), name, ...(description !== undefined && { description }) } },
    },
  };
}

/** True when the request turns Claude's extended thinking on (which refuses a forced tool choice). */
export function thinkingEnabled(request: ModelRequest): boolean {
  const fields = request.additionalModelRequestFields as { thinking?: { type?: unknown } } | undefined;
  const type = fields?.thinking?.type;
  return type === "enabled" || type === "adaptive";
}

/** True when any message holds a tool call or result (Bedrock then needs a toolConfig). */
export function hasToolBlocks(request: ModelRequest): boolean {
  return (request.messages ?? []).some((message) => (message.content ?? []).some((block) => block.toolUse !== undefined || block.toolResult !== undefined));
}

/** The tools with `strict: true` on the one named `name`. */
export function withStrictTool(tools: readonly Tool[], name: string): Tool[] {
  return tools.map((tool) => (tool.toolSpec?.name === name ? ({ toolSpec: { ...tool.toolSpec, strict: true } } as Tool) : tool));
}
