/**
 * The canonical message and request shapes are Bedrock's own Converse types, re-exported from
 * `@aws-sdk/client-bedrock-runtime`. Sluice adds no parallel message format.
 */
export type {
  CachePointBlock,
  ContentBlock,
  ConverseRequest,
  ConverseResponse,
  ConverseStreamOutput,
  ConverseStreamRequest,
  DocumentBlock,
  GuardrailConfiguration,
  GuardrailStreamConfiguration,
  ImageBlock,
  InferenceConfiguration,
  Message,
  ReasoningContentBlock,
  StopReason,
  SystemContentBlock,
  TokenUsage,
  Tool,
  ToolConfiguration,
  ToolResultBlock,
  ToolResultContentBlock,
  ToolSpecification,
  ToolUseBlock,
} from "@aws-sdk/client-bedrock-runtime";
