import { createHash } from "node:crypto";
import type { PromptCachingCapability } from "../models/model-capabilities.js";
import type { WireConverseRequest, WireUsage } from "../wire/converse-types.js";
import { cachePointsOf } from "./cache-points.js";

const TTL_MS: Record<string, number> = { "5m": 5 * 60_000, "1h": 60 * 60_000 };

const tokens = (characters: number) => Math.ceil(characters / 4);

/**
 * The emulator's prompt cache: what cache points wrote, per model, until their TTL runs out (a
 * hit starts the TTL again). `account` turns a request's cache points into the usage the service
 * reports: tokens read up to the longest prefix still cached, tokens written from there to the
 * last cache point (split by TTL in `cacheDetails`), the rest as plain input. Points before the
 * model's minimum prefix are not cached, as on the service.
 *
 * @example
 * const cache = new PromptCache(Date.now);
 * cache.account(request, "anthropic.claude-sonnet-4-5-20250929-v1:0", capability, usage).cacheWriteInputTokens; // 1200 the first time
 */
export class PromptCache {
  private readonly entries = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  account(request: WireConverseRequest, baseModelId: string, caching: PromptCachingCapability, usage: WireUsage): WireUsage {
    const points = cachePointsOf(request);
    const now = this.now();
    const key = (prefix: string) => createHash("sha256").update(baseModelId).update("\u0001").update(prefix).digest("base64url");
    const cacheable = points.filter((point) => tokens(point.prefixCharacters) >= caching.minimumTokens);
    let readTo = -1;
    cacheable.forEach((point, index) => {
      if ((this.entries.get(key(point.prefix)) ?? 0) > now) readTo = index;
    });
    const read = readTo < 0 ? 0 : tokens(cacheable[readTo]?.prefixCharacters ?? 0);
    const byTtl = new Map<string, number>();
    let previous = read;
    for (const point of cacheable.slice(readTo + 1)) {
      const size = tokens(point.prefixCharacters) - previous;
      byTtl.set(point.ttl, (byTtl.get(point.ttl) ?? 0) + size);
      previous = tokens(point.prefixCharacters);
    }
    for (const point of cacheable) this.entries.set(key(point.prefix), now + (TTL_MS[point.ttl] ?? TTL_MS["5m"] ?? 0));
    const written = previous - read;
    const total = usage.inputTokens + (usage.cacheReadInputTokens ?? 0) + (usage.cacheWriteInputTokens ?? 0);
    const result: WireUsage = { ...usage, inputTokens: Math.max(0, total - read - written), totalTokens: Math.max(total, read + written) + usage.outputTokens };
    const reportBoth = caching.usage === "both" || (caching.usage === "when-cached" && points.length > 0);
    if (reportBoth || caching.usage === "read-always") result.cacheReadInputTokens = read;
    if (reportBoth || (caching.usage === "read-always" && written > 0)) result.cacheWriteInputTokens = written;
    if (written > 0) {
      result.cacheDetails = ["1h", "5m"].filter((ttl) => (byTtl.get(ttl) ?? 0) > 0).map((ttl) => ({ ttl, inputTokens: byTtl.get(ttl) ?? 0 }));
    }
    return result;
  }

  /** Forgets every entry (emulator reset). */
  clear(): void {
    this.entries.clear();
  }
}
