import type { ModelFamily } from "./model-family.js";
import { parseAnthropicMessagesRequest } from "./anthropic-claude-request.js";
import { renderAnthropicMessage } from "./anthropic-claude-response.js";
import { renderAnthropicStream } from "./anthropic-claude-stream.js";
import { modelIdMatcher } from "./model-id.js";

/**
 * Claude models through the Anthropic Messages API on Bedrock (`anthropic_version:
 * "bedrock-2023-05-31"`): Claude 3, 3.5, 3.7, 4.x, including IDs without a version suffix
 * such as `anthropic.claude-sonnet-4-6`. The legacy text-completion models have their own family.
 *
 * @example
 * anthropicClaudeFamily.matches("us.anthropic.claude-3-7-sonnet-20250219-v1:0"); // true
 */
export const anthropicClaudeFamily: ModelFamily = {
  name: "anthropic-claude",
  matches: modelIdMatcher(/^anthropic\.claude-(?!instant-v1|v2)/),
  parseRequest: parseAnthropicMessagesRequest,
  renderResponse: renderAnthropicMessage,
  renderStream: renderAnthropicStream,
};
