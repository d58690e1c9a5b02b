import type { ModelTurn } from "../families/model-family.js";
import type { WireContentBlock, WireConverseRequest } from "../wire/converse-types.js";
import { additionalResponseFields } from "./additional-response-fields.js";
import { wireUsage } from "./wire-usage.js";

/** One ConverseStream event before framing: the `:event-type` and its JSON payload. */
export interface StreamEvent {
  readonly eventType: string;
  readonly payload: Record<string, unknown>;
}

/**
 * Splits a string into pieces of at most `size` characters (never an empty list).
 *
 * @example
 * splitText("abcdef", 4); // ["abcd", "ef"]
 */
export function splitText(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

/**
 * The ConverseStream event sequence for a turn, in the order the service sends it: messageStart;
 * per block deltas (no contentBlockStart for text or reasoning; toolUse gets contentBlockStart and
 * a first `{"input":""}` delta; reasoning ends with its signature delta; a cited block sends its
 * citations before its text); contentBlockStop;
 * messageStop; metadata (always last). The `metadata` latency is filled in when it is sent.
 *
 * @example
 * converseStreamEvents({ content: [{ text: "Hi" }], stopReason: "end_turn", usage }, request, 8).map((event) => event.eventType);
 * // ["messageStart", "contentBlockDelta", "contentBlockStop", "messageStop", "metadata"]
 */
export function converseStreamEvents(turn: ModelTurn, request: WireConverseRequest, chunkSize: number): StreamEvent[] {
  const events: StreamEvent[] = [{ eventType: "messageStart", payload: { role: "assistant" } }];
  turn.content.forEach((block, contentBlockIndex) => {
    events.push(...blockEvents(block, contentBlockIndex, chunkSize));
    events.push({ eventType: "contentBlockStop", payload: { contentBlockIndex } });
  });
  events.push({
    eventType: "messageStop",
    payload: { additionalModelResponseFields: additionalResponseFields(request, turn), stopReason: turn.stopReason },
  });
  events.push({
    eventType: "metadata",
    payload: { metrics: { latencyMs: 0 }, performanceConfig: request.performanceConfig, serviceTier: request.serviceTier, usage: wireUsage(turn.usage) },
  });
  return events;
}

function delta(contentBlockIndex: number, value: Record<string, unknown>): StreamEvent {
  return { eventType: "contentBlockDelta", payload: { contentBlockIndex, delta: value } };
}

function blockEvents(block: WireContentBlock, index: number, chunkSize: number): StreamEvent[] {
  if (block.text !== undefined) return splitText(block.text, chunkSize).map((text) => delta(index, { text }));
  const reasoning = block.reasoningContent;
  if (reasoning?.reasoningText !== undefined) {
    // A signature-only block (thinking not displayed, as Claude Sonnet 5 sends it) has no text delta.
    const text = reasoning.reasoningText.text;
    const events = text === "" ? [] : splitText(text, chunkSize).map((piece) => delta(index, { reasoningContent: { text: piece } }));
    const signature = reasoning.reasoningText.signature;
    if (signature !== undefined) events.push(delta(index, { reasoningContent: { signature } }));
    return events;
  }
  if (reasoning?.redactedContent !== undefined) {
    return [delta(index, { reasoningContent: { redactedContent: reasoning.redactedContent } })];
  }
  if (block.toolUse !== undefined) {
    const { name, toolUseId, type, input } = block.toolUse;
    const start = { contentBlockIndex: index, start: { toolUse: { name, toolUseId, type } } };
    const inputJson = JSON.stringify(input ?? {});
    return [
      { eventType: "contentBlockStart", payload: start },
      delta(index, { toolUse: { input: "" } }),
      ...splitText(inputJson, chunkSize).map((piece) => delta(index, { toolUse: { input: piece } })),
    ];
  }
  if (block.toolResult !== undefined) {
    const { toolUseId, status, type, content } = block.toolResult;
    return [
      { eventType: "contentBlockStart", payload: { contentBlockIndex: index, start: { toolResult: { status, toolUseId, type } } } },
      delta(index, { toolResult: content }),
    ];
  }
  if (block.citationsContent !== undefined) {
    // Recorded (Claude Sonnet 5): each citation arrives as its own delta before the cited text.
    const citations = (block.citationsContent["citations"] as unknown[] | undefined) ?? [];
    const content = (block.citationsContent["content"] as Array<{ text?: string }> | undefined) ?? [];
    const text = content.map((part) => part.text ?? "").join("");
    return [...citations.map((citation) => delta(index, { citation })), ...splitText(text, chunkSize).map((piece) => delta(index, { text: piece }))];
  }
  return [];
}
