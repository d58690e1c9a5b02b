import type { ModelTurn } from "../families/model-family.js";
import type { StopReason, WireContentBlock, WireConverseRequest, WireUsage } from "../wire/converse-types.js";
import type { ScriptedReply } from "./script-types.js";
import { contentCharacters, estimateInputTokens } from "./token-estimate.js";
import { generateToolUseId } from "./tool-use-id.js";

/**
 * Turns a scripted reply into the ModelTurn the server renders: builds the content blocks,
 * applies `inferenceConfig.stopSequences` and `maxTokens` the way a model would (cutting the
 * text and setting the stop reason) unless the reply fixes its own stop reason, and fills usage
 * with the emulator's estimate (ceil(characters / 4)).
 *
 * @example
 * buildModelTurn({ text: "Hello" }, { messages: [{ role: "user", content: [{ text: "Hi" }] }] }).stopReason; // "end_turn"
 */
export function buildModelTurn(reply: ScriptedReply, request: WireConverseRequest): ModelTurn {
  let content = reply.content !== undefined ? structuredClone(reply.content) : contentFromReply(reply);
  let stopReason: StopReason = reply.stopReason ?? (content.some((block) => block.toolUse) ? "tool_use" : "end_turn");
  if (reply.stopReason === undefined) {
    const limited = applyLimits(content, request);
    content = limited.content;
    stopReason = limited.stopReason ?? stopReason;
  }
  const turn: ModelTurn = { content, stopReason, usage: buildUsage(reply.usage, request, content) };
  if (reply.usage !== undefined) turn.scriptedUsage = true;
  const reasoning = content.reduce((total, block) => total + (block.reasoningContent?.reasoningText?.text.length ?? 0), 0);
  if (reasoning > 0) turn.reasoningTokens = Math.ceil(reasoning / 4);
  return turn;
}

function contentFromReply(reply: ScriptedReply): WireContentBlock[] {
  const content: WireContentBlock[] = [];
  const reasoning = reply.reasoning;
  if (reasoning !== undefined) {
    if ("redactedContent" in reasoning) {
      content.push({ reasoningContent: { redactedContent: reasoning.redactedContent } });
    } else {
      const reasoningText = reasoning.signature === undefined ? { text: reasoning.text } : { text: reasoning.text, signature: reasoning.signature };
      content.push({ reasoningContent: { reasoningText } });
    }
  }
  if (reply.text !== undefined) content.push({ text: reply.text });
  for (const call of reply.toolCalls ?? []) {
    content.push({ toolUse: { toolUseId: call.toolUseId ?? generateToolUseId(), name: call.name, input: call.input ?? {} } });
  }
  if (content.length === 0) content.push({ text: "" });
  return content;
}

function applyLimits(
  content: WireContentBlock[],
  request: WireConverseRequest,
): { content: WireContentBlock[]; stopReason?: StopReason } {
  const stopSequences = request.inferenceConfig?.stopSequences ?? [];
  const maxTokens = request.inferenceConfig?.maxTokens;
  let budget = maxTokens === undefined ? Number.POSITIVE_INFINITY : maxTokens * 4;
  const kept: WireContentBlock[] = [];
  for (const block of content) {
    if (block.text !== undefined) {
      const cut = firstStopSequence(block.text, stopSequences);
      const text = cut === undefined ? block.text : block.text.slice(0, cut);
      if (text.length > budget) {
        kept.push({ text: text.slice(0, budget) });
        return { content: kept, stopReason: "max_tokens" };
      }
      budget -= text.length;
      kept.push({ text });
      if (cut !== undefined) return { content: kept, stopReason: "stop_sequence" };
      continue;
    }
    const size = contentCharacters(block);
    if (size > budget) return { content: kept.length > 0 ? kept : [{ text: "" }], stopReason: "max_tokens" };
    budget -= size;
    kept.push(block);
  }
  return { content: kept };
}

function firstStopSequence(text: string, stopSequences: readonly string[]): number | undefined {
  let first: number | undefined;
  for (const sequence of stopSequences) {
    if (sequence.length === 0) continue;
    const index = text.indexOf(sequence);
    if (index >= 0 && (first === undefined || index < first)) first = index;
  }
  return first;
}

function buildUsage(
  override: Partial<WireUsage> | undefined,
  request: WireConverseRequest,
  content: readonly WireContentBlock[],
): WireUsage {
  let outputCharacters = 0;
  for (const block of content) outputCharacters += contentCharacters(block);
  const inputTokens = override?.inputTokens ?? estimateInputTokens(request);
  const outputTokens = override?.outputTokens ?? Math.max(1, Math.ceil(outputCharacters / 4));
  const cacheRead = override?.cacheReadInputTokens;
  const cacheWrite = override?.cacheWriteInputTokens;
  const usage: WireUsage = {
    inputTokens,
    outputTokens,
    totalTokens: override?.totalTokens ?? inputTokens + outputTokens + (cacheRead ?? 0) + (cacheWrite ?? 0),
  };
  if (cacheRead !== undefined) usage.cacheReadInputTokens = cacheRead;
  if (cacheWrite !== undefined) usage.cacheWriteInputTokens = cacheWrite;
  if (override?.cacheDetails !== undefined) usage.cacheDetails = override.cacheDetails;
  if (override?.serverToolUsage !== undefined) usage.serverToolUsage = override.serverToolUsage;
  return usage;
}
