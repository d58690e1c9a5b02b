import type { WireConverseRequest } from "../wire/converse-types.js";
import { contentCharacters } from "../scripts/token-estimate.js";

/**
 * One `cachePoint` of a request, in the order Bedrock reads them (tool definitions, then the
 * system prompt, then messages), with what precedes it.
 */
export interface CachePointPosition {
  readonly field: "tools" | "system" | "messages";
  /** The TTL asked for (`5m` when absent). */
  readonly ttl: string;
  readonly ttlGiven: boolean;
  /** Where Claude reports the block the point is attached to, e.g. `messages.0.content.0` or `tools.1`. */
  readonly claudePath: string;
  /** Characters of the prompt before the point (the emulator's token estimate is characters / 4). */
  readonly prefixCharacters: number;
  /** The prompt before the point, as one string (what a cache entry is keyed by). */
  readonly prefix: string;
}

/**
 * Every cache point of a Converse-shaped request, in Bedrock's reading order.
 *
 * @example
 * cachePointsOf({ system: [{ text: "long rules" }, { cachePoint: { type: "default" } }] })[0]?.claudePath; // "system.0"
 */
export function cachePointsOf(request: WireConverseRequest): CachePointPosition[] {
  const points: CachePointPosition[] = [];
  const pieces: string[] = [];
  let characters = 0;
  const add = (piece: string, size: number) => {
    pieces.push(piece);
    characters += size;
  };
  const point = (field: CachePointPosition["field"], cachePoint: { ttl?: string }, claudePath: string) =>
    points.push({ field, ttl: cachePoint.ttl ?? "5m", ttlGiven: cachePoint.ttl !== undefined, claudePath, prefixCharacters: characters, prefix: pieces.join("\u0000") });
  let tool = -1;
  for (const entry of request.toolConfig?.tools ?? []) {
    if (entry.cachePoint !== undefined) point("tools", entry.cachePoint, `tools.${Math.max(0, tool)}`);
    else {
      tool += 1;
      const text = JSON.stringify(entry);
      add(text, text.length);
    }
  }
  let systemBlock = -1;
  for (const block of request.system ?? []) {
    if (block.cachePoint !== undefined) point("system", block.cachePoint, `system.${Math.max(0, systemBlock)}`);
    else {
      systemBlock += 1;
      add(JSON.stringify(block), block.text?.length ?? 0);
    }
  }
  (request.messages ?? []).forEach((message, messageIndex) => {
    let contentIndex = -1;
    for (const block of message.content ?? []) {
      if (block.cachePoint !== undefined) point("messages", block.cachePoint, `messages.${messageIndex}.content.${Math.max(0, contentIndex)}`);
      else {
        contentIndex += 1;
        add(`${message.role}:${JSON.stringify(block)}`, contentCharacters(block));
      }
    }
  });
  return points;
}
