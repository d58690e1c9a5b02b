import type { StopReason } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { ModelFamilyAdapter, NativeBody, NativeStreamDecoder, NativeTurn } from "../../adapter.js";
import { NativeResponseError } from "../../errors/native-response-error.js";
import { NO_FEATURES } from "../../features/family-features.js";
import type { ConverseStreamWriter } from "../../shared/converse-stream-writer.js";
import { additionalFields, blocksText, inferenceSettings, systemText, textBlocks } from "../../shared/converse-content.js";
import { asString, compact } from "../../shared/native-values.js";
import { mapStopReason } from "../../shared/stop-reason.js";
import { CLAUDE_DEFAULT_MAX_TOKENS } from "./anthropic-claude-request.js";

const FAMILY = "anthropic-claude-text";
const HUMAN = "\n\nHuman:";
const TEXT_STOP_REASONS: Readonly<Record<string, StopReason>> = { stop_sequence: "end_turn", max_tokens: "max_tokens" };

/**
 * A conversation as Claude's legacy `\n\nHuman: … \n\nAssistant:` prompt, the system prompt
 * before the first turn (as Claude 2.1 takes it).
 *
 * @example
 * claudeTextPrompt({ modelId, messages: [{ role: "user", content: [{ text: "Hi" }] }] }); // "\n\nHuman: Hi\n\nAssistant:"
 */
export function claudeTextPrompt(request: ModelRequest): string {
  const turns = (request.messages ?? []).map((message) => `\n\n${message.role === "assistant" ? "Assistant" : "Human"}: ${blocksText(message.content)}`);
  return `${systemText(request)}${turns.join("")}\n\nAssistant:`;
}

function buildClaudeTextRequest(request: ModelRequest): NativeBody {
  const settings = inferenceSettings(request);
  return compact({
    prompt: claudeTextPrompt(request),
    max_tokens_to_sample: settings.maxTokens ?? CLAUDE_DEFAULT_MAX_TOKENS,
    temperature: settings.temperature,
    top_p: settings.topP,
    // The model ends its turn on the next "Human:"; keep that stop even with the caller's own.
    stop_sequences: [HUMAN, ...(settings.stopSequences ?? [])],
    ...additionalFields(request),
  });
}

// The service stops on "\n\nHuman:" for a normal end of turn; any other stop sequence is the caller's.
function stopReason(body: NativeBody): StopReason {
  if (body.stop_reason === "stop_sequence" && typeof body.stop === "string" && body.stop !== HUMAN) return "stop_sequence";
  return mapStopReason(TEXT_STOP_REASONS, body.stop_reason, "end_turn");
}

function parseClaudeTextResponse(body: NativeBody): NativeTurn {
  const completion = asString(body.completion);
  if (completion === undefined) throw new NativeResponseError(FAMILY, "the body has no completion string", body);
  return { content: textBlocks(completion), stopReason: stopReason(body) };
}

function createClaudeTextStreamDecoder(writer: ConverseStreamWriter): NativeStreamDecoder {
  return {
    push(chunk: NativeBody): void {
      writer.start();
      writer.text(asString(chunk.completion) ?? "");
      if (typeof chunk.stop_reason === "string") writer.stop(stopReason(chunk));
    },
    end(): void {},
  };
}

/**
 * Claude's legacy Text Completions API (`anthropic.claude-v2`, `claude-v2:1`,
 * `claude-instant-v1`): a `Human:`/`Assistant:` prompt with `max_tokens_to_sample`, answered
 * with `completion`. Text only.
 *
 * @example
 * anthropicClaudeTextAdapter.buildRequest(request, context).prompt; // "\n\nHuman: Hi\n\nAssistant:"
 */
export const anthropicClaudeTextAdapter: ModelFamilyAdapter = {
  family: FAMILY,
  displayName: "Anthropic Claude text completions (legacy)",
  exampleModelIds: ["anthropic.claude-v2:1", "anthropic.claude-instant-v1"],
  features: { ...NO_FEATURES, text: true, systemPrompt: true, multiTurn: true, streaming: true, stopSequences: true },
  matches: (id) => /^anthropic\.claude-(v2|instant)/.test(id),
  buildRequest: (request) => buildClaudeTextRequest(request),
  parseResponse: (body) => parseClaudeTextResponse(body),
  createStreamDecoder: (writer) => createClaudeTextStreamDecoder(writer),
};
