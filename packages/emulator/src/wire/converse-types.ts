/**
 * The Converse request and response as JSON on the wire (camelCase, blobs as base64 strings).
 * These describe what the emulator parses and sends; they are not a client-side message format
 * (clients use the AWS SDK's own types).
 */

export type StopReason =
  | "end_turn"
  | "tool_use"
  | "max_tokens"
  | "stop_sequence"
  | "guardrail_intervened"
  | "content_filtered"
  | "malformed_model_output"
  | "malformed_tool_use"
  | "model_context_window_exceeded";

/** A `toolUse` block: the model asks for a tool call. */
export interface WireToolUse {
  toolUseId: string;
  name: string;
  input: unknown;
  type?: string;
}

/** A `toolResult` block: the answer to one `toolUse`, by its id. */
export interface WireToolResult {
  toolUseId: string;
  content: Array<Record<string, unknown>>;
  status?: "success" | "error";
  type?: string;
}

/** A `reasoningContent` block: reasoning text with its signature, or redacted bytes. */
export interface WireReasoning {
  reasoningText?: { text: string; signature?: string };
  /** base64 */
  redactedContent?: string;
}

/** One content block: exactly one key is present. */
export interface WireContentBlock {
  text?: string;
  image?: { format: string; source: { bytes?: string; s3Location?: { uri: string } } };
  document?: Record<string, unknown>;
  video?: Record<string, unknown>;
  audio?: Record<string, unknown>;
  toolUse?: WireToolUse;
  toolResult?: WireToolResult;
  reasoningContent?: WireReasoning;
  cachePoint?: { type: "default"; ttl?: string };
  guardContent?: Record<string, unknown>;
  citationsContent?: Record<string, unknown>;
  searchResult?: Record<string, unknown>;
}

/** One message of the conversation. */
export interface WireMessage {
  role: "user" | "assistant";
  content: WireContentBlock[];
}

/** One block of the system prompt. */
export interface WireSystemBlock {
  text?: string;
  guardContent?: Record<string, unknown>;
  cachePoint?: { type: "default"; ttl?: string };
}

/** A tool's name, description and JSON Schema, as the model sees them. */
export interface WireToolSpec {
  name: string;
  description?: string;
  inputSchema: { json: unknown };
  strict?: boolean;
}

/** The request's `toolConfig`: the tools and how the model must choose among them. */
export interface WireToolConfiguration {
  tools: Array<{ toolSpec?: WireToolSpec; systemTool?: { name: string }; cachePoint?: { type: "default"; ttl?: string } }>;
  toolChoice?: { auto?: object; any?: object; tool?: { name: string } };
}

/** The request's `inferenceConfig`. */
export interface WireInferenceConfig {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
}

/** The body of a Converse or ConverseStream request (the model ID is in the path). */
export interface WireConverseRequest {
  messages?: WireMessage[];
  system?: WireSystemBlock[];
  inferenceConfig?: WireInferenceConfig;
  toolConfig?: WireToolConfiguration;
  guardrailConfig?: Record<string, unknown>;
  additionalModelRequestFields?: unknown;
  additionalModelResponseFieldPaths?: string[];
  promptVariables?: Record<string, { text: string }>;
  requestMetadata?: Record<string, string>;
  performanceConfig?: { latency: "standard" | "optimized" };
  serviceTier?: { type: string };
  outputConfig?: Record<string, unknown>;
}

/** Token counts of a response (`usage`). */
export interface WireUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
  /** Cache writes per TTL, sent by newer models when a cache was written (`1h` before `5m`). */
  cacheDetails?: Array<{ inputTokens: number; ttl: string }>;
  /** Server-side tool usage counts; newer models send `{}` when none ran. */
  serverToolUsage?: Record<string, number>;
}
