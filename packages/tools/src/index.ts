// Public API of @sluice/tools: zod-typed tools for the Sluice agent loop, and tool-call middleware.

// Defining tools
export { defineTool } from "./define/define-tool.js";
export type { ApprovalRule, DefinedTool, ToolDefinition, ToolHandlerReturn, ToolInput, ToolReturnValue } from "./define/tool-definition.js";
export { ToolOutputError } from "./errors/tool-output-error.js";

// Schemas (zod 4, zod 3, JSON Schema)
export type {
  InferSchemaInput,
  InferSchemaOutput,
  InferToolInput,
  JsonSchemaObject,
  ToolInputSchema,
  Zod3SchemaLike,
  Zod4SchemaLike,
  ZodSchemaLike,
} from "./schema/schema-types.js";
export type { SchemaKind } from "./schema/schema-kind.js";
export type { SchemaIssue, ValidationOutcome } from "./schema/validate-value.js";
export { summarizeIssues } from "./schema/summarize-issues.js";

// Results
export type { ToolImageFormat } from "./results/to-tool-output.js";
export { toolResult, type ExplicitToolResult } from "./results/tool-result.js";

// Tool-call middleware
export { strictToolsMiddleware, type StrictToolsOptions } from "./middleware/strict-tools-middleware.js";
export { toolLoggingMiddleware, type ToolLoggingOptions } from "./middleware/tool-logging-middleware.js";
export {
  toolResultCacheMiddleware,
  type CachedToolResult,
  type ToolResultCacheMiddleware,
  type ToolResultCacheOptions,
  type ToolResultCacheStore,
} from "./middleware/tool-result-cache-middleware.js";

// Human approval
export { approvalMiddleware, type ApprovalMiddlewareOptions } from "./approval/approval-middleware.js";
export {
  approve,
  deny,
  pendingApprovals,
  type ApprovalDecision,
  type ApprovalRequestData,
} from "./approval/approval-decision.js";

// Structured output
export {
  structuredOutput,
  type StructuredOutput,
  type StructuredOutputOptions,
  type StructuredResult,
} from "./structured/structured-output.js";
export { StructuredOutputError } from "./errors/structured-output-error.js";
