import { modelCapabilities } from "@sluice/core";
import type { ModelFamilyAdapter } from "../../adapter.js";
import { NO_FEATURES } from "../../features/family-features.js";
import { ANTHROPIC_CLAUDE_FAMILY, ANTHROPIC_CLAUDE_NAME, buildClaudeRequest } from "./anthropic-claude-request.js";
import { parseClaudeResponse } from "./anthropic-claude-response.js";
import { createClaudeStreamDecoder } from "./anthropic-claude-stream.js";

/**
 * Anthropic Claude 3 and later over the Messages API (`anthropic_version: bedrock-2023-05-31`):
 * system prompts, tools and `tool_choice`, images, PDF and text documents, extended thinking
 * with signatures (signature-only blocks included) and redacted thinking, stop sequences,
 * prompt-cache points with their TTL, native structured output and strict tools from Claude 4.5.
 *
 * @example
 * const body = anthropicClaudeAdapter.buildRequest(request, context);
 */
export const anthropicClaudeAdapter: ModelFamilyAdapter = {
  family: ANTHROPIC_CLAUDE_FAMILY,
  displayName: ANTHROPIC_CLAUDE_NAME,
  exampleModelIds: [
    "anthropic.claude-3-5-haiku-20241022-v1:0",
    "us.anthropic.claude-haiku-4-5-20251001-v1:0",
    "us.anthropic.claude-sonnet-4-6",
    "global.anthropic.claude-opus-4-8",
    "us.anthropic.claude-sonnet-5",
  ],
  features: {
    ...NO_FEATURES,
    text: true,
    systemPrompt: true,
    multiTurn: true,
    tools: true,
    streaming: true,
    streamedTools: true,
    images: true,
    documents: true,
    reasoning: {
      note: "Claude 3.7 Sonnet, Claude 4 and later",
      models: (id) => modelCapabilities(id).reasoning !== undefined,
    },
    stopSequences: true,
    structuredOutput: {
      note: "Claude 4.5 and later (Claude Sonnet 5 refuses strict tools)",
      models: (id) => modelCapabilities(id).nativeStructuredOutput,
    },
  },
  // Claude 3+ speaks Messages; claude-v2 / instant use the legacy text-completions adapter.
  matches: (id) => /^anthropic\.claude-(?!v2|instant)/.test(id),
  buildRequest: (request) => buildClaudeRequest(request),
  parseResponse: (body) => parseClaudeResponse(body),
  createStreamDecoder: (writer) => createClaudeStreamDecoder(writer),
};
