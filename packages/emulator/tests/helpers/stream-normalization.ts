import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import type { ScriptedReply, StopReason, WireContentBlock, WireUsage } from "../../src/index.js";

type Json = Record<string, unknown>;

/** Rebuilds the turn a recorded ConverseStream carried (content blocks, stop reason, usage) from its event payloads. */
export function replyFromRecordedEvents(events: ReadonlyArray<{ eventType: string; payload: Json }>): ScriptedReply {
  const blocks = new Map<number, WireContentBlock & { inputText?: string }>();
  const block = (index: number) => {
    const existing = blocks.get(index);
    if (existing !== undefined) return existing;
    const created: WireContentBlock & { inputText?: string } = {};
    blocks.set(index, created);
    return created;
  };
  let stopReason: StopReason = "end_turn";
  let usage: Partial<WireUsage> | undefined;
  for (const { eventType, payload } of events) {
    const index = Number(payload["contentBlockIndex"] ?? 0);
    if (eventType === "contentBlockStart") {
      const start = payload["start"] as Json;
      const target = block(index);
      if (start["toolUse"] !== undefined) {
        target.toolUse = { ...(start["toolUse"] as { toolUseId: string; name: string }), input: {} };
        target.inputText = "";
      }
      if (start["toolResult"] !== undefined) target.toolResult = { ...(start["toolResult"] as { toolUseId: string }), content: [] };
    } else if (eventType === "contentBlockDelta") {
      const delta = payload["delta"] as Json;
      const target = block(index);
      if (delta["citation"] !== undefined) {
        const cited = (target.citationsContent ??= { citations: [], content: [{ text: target.text ?? "" }] });
        (cited["citations"] as unknown[]).push(delta["citation"]);
        delete target.text;
      }
      if (typeof delta["text"] === "string") {
        const cited = target.citationsContent?.["content"] as Array<{ text: string }> | undefined;
        if (cited?.[0] !== undefined) cited[0].text += delta["text"];
        else target.text = (target.text ?? "") + delta["text"];
      }
      const reasoning = delta["reasoningContent"] as Json | undefined;
      if (reasoning !== undefined) {
        if (typeof reasoning["redactedContent"] === "string") target.reasoningContent = { redactedContent: reasoning["redactedContent"] };
        else {
          const current = target.reasoningContent?.reasoningText ?? { text: "" };
          if (typeof reasoning["text"] === "string") current.text += reasoning["text"];
          if (typeof reasoning["signature"] === "string") current.signature = reasoning["signature"];
          target.reasoningContent = { reasoningText: current };
        }
      }
      const toolUse = delta["toolUse"] as Json | undefined;
      if (toolUse !== undefined) target.inputText = (target.inputText ?? "") + String(toolUse["input"] ?? "");
      if (Array.isArray(delta["toolResult"]) && target.toolResult !== undefined) target.toolResult.content.push(...(delta["toolResult"] as Json[]));
    } else if (eventType === "messageStop") {
      stopReason = payload["stopReason"] as StopReason;
    } else if (eventType === "metadata") {
      usage = payload["usage"] as Partial<WireUsage>;
    }
  }
  const content = [...blocks.entries()]
    .sort(([first], [second]) => first - second)
    .map(([, value]) => {
      const { inputText, ...rest } = value;
      if (rest.toolUse !== undefined) rest.toolUse.input = inputText === undefined || inputText === "" ? {} : JSON.parse(inputText);
      return rest;
    });
  return { content, stopReason, ...(usage === undefined ? {} : { usage }) };
}

/**
 * SDK stream events with consecutive deltas of one block merged (real and emulated streams split
 * text differently), tool input parsed as JSON, and latency / guardrail trace dropped.
 */
export function normalizeEvents(events: readonly ConverseStreamOutput[]): Json[] {
  const merged: Json[] = [];
  for (const event of events) {
    const copy = structuredClone(event) as unknown as Json;
    const delta = (copy["contentBlockDelta"] as Json | undefined)?.["delta"] as Json | undefined;
    const previous = merged.at(-1)?.["contentBlockDelta"] as Json | undefined;
    if (delta !== undefined && previous !== undefined && previous["contentBlockIndex"] === (copy["contentBlockDelta"] as Json)["contentBlockIndex"]) {
      const previousDelta = previous["delta"] as Json;
      if (mergeDelta(previousDelta, delta)) continue;
    }
    const metadata = copy["metadata"] as Json | undefined;
    if (metadata !== undefined) {
      delete (metadata["metrics"] as Json | undefined)?.["latencyMs"];
      delete metadata["trace"];
    }
    merged.push(copy);
  }
  for (const event of merged) {
    const delta = (event["contentBlockDelta"] as Json | undefined)?.["delta"] as Json | undefined;
    const toolUse = delta?.["toolUse"] as Json | undefined;
    if (toolUse !== undefined) toolUse["input"] = toolUse["input"] === "" ? {} : JSON.parse(String(toolUse["input"]));
  }
  return merged;
}

function mergeDelta(into: Json, next: Json): boolean {
  const kind = Object.keys(next)[0];
  if (kind === undefined || Object.keys(into)[0] !== kind) return false;
  if (kind === "text") {
    into["text"] = String(into["text"]) + String(next["text"]);
    return true;
  }
  if (kind === "toolUse") {
    (into["toolUse"] as Json)["input"] = String((into["toolUse"] as Json)["input"]) + String((next["toolUse"] as Json)["input"]);
    return true;
  }
  if (kind === "reasoningContent") {
    const target = into["reasoningContent"] as Json;
    const source = next["reasoningContent"] as Json;
    if (typeof target["text"] === "string" && typeof source["text"] === "string") {
      target["text"] += source["text"];
      return true;
    }
    return false;
  }
  if (kind === "toolResult") {
    (into["toolResult"] as unknown[]).push(...(next["toolResult"] as unknown[]));
    return true;
  }
  return false;
}
