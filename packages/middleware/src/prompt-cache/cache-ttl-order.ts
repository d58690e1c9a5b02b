import { type CacheTtl, ConfigurationError, type ModelRequest } from "@sluice/core";

const rank: Record<string, number> = { "5m": 0, "1h": 1 };

/** A cache point's TTL as the service reads it (no TTL is the 5-minute default). */
export function ttlOf(block: { cachePoint?: { ttl?: string } | undefined }): CacheTtl {
  return block.cachePoint?.ttl === "1h" ? "1h" : "5m";
}

/** The longer of two TTLs. */
export function longerTtl(left: CacheTtl, right: CacheTtl): CacheTtl {
  return (rank[left] ?? 0) >= (rank[right] ?? 0) ? left : right;
}

/** Every cache point of a request in the order the service reads them: tools, then system, then messages. */
function pointsInOrder(request: ModelRequest): Array<{ where: string; ttl: CacheTtl }> {
  const points: Array<{ where: string; ttl: CacheTtl }> = [];
  const add = (where: string, blocks: ReadonlyArray<{ cachePoint?: { ttl?: string } | undefined }>) => {
    blocks.forEach((block, index) => {
      if (block.cachePoint) points.push({ where: `${where}[${index}]`, ttl: ttlOf(block) });
    });
  };
  add("toolConfig.tools", (request.toolConfig?.tools ?? []) as ReadonlyArray<{ cachePoint?: { ttl?: string } }>);
  add("system", request.system ?? []);
  (request.messages ?? []).forEach((message, index) => add(`messages[${index}].content`, message.content ?? []));
  return points;
}

/**
 * Bedrock's order rule for cache TTLs: reading tools, then system, then messages, a cache point
 * may not ask for a longer TTL than any point before it (a `1h` point after a `5m` one is
 * refused). Throws a `ConfigurationError` naming both points.
 *
 * @example
 * checkCacheTtlOrder({ modelId, system: [{ text }, { cachePoint: { type: "default" } }], messages: [{ role: "user", content: [{ text }, { cachePoint: { type: "default", ttl: "1h" } }] }] });
 * // ConfigurationError: … messages[0].content[1] asks for 1h after system[1] with 5m …
 */
export function checkCacheTtlOrder(request: ModelRequest): void {
  let shortest: { where: string; ttl: CacheTtl } | undefined;
  for (const point of pointsInOrder(request)) {
    if (shortest !== undefined && (rank[point.ttl] ?? 0) > (rank[shortest.ttl] ?? 0)) {
      throw new ConfigurationError(
        `The cache point at ${point.where} asks for ${point.ttl} after ${shortest.where} with ${shortest.ttl}; Bedrock requires cache TTLs ` +
          "not to increase from tools to system to messages. Give the earlier point the longer TTL (or the later one the shorter).",
      );
    }
    if (shortest === undefined || (rank[point.ttl] ?? 0) < (rank[shortest.ttl] ?? 0)) shortest = point;
  }
}
