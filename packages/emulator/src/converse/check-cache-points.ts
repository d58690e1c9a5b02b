import { validationError } from "../errors/service-error.js";
import type { ModelCapabilities } from "../models/model-capabilities.js";
import type { WireConverseRequest } from "../wire/converse-types.js";
import { cachePointsOf } from "./cache-points.js";

/** The service's answer to cache points a model (or the request's shape) cannot take. */
export const CACHING_REFUSED = "You invoked an unsupported model or your request did not allow prompt caching. See the documentation for more information.";

const TTL_RANK: Record<string, number> = { "5m": 0, "1h": 1 };

/**
 * Checks a request's cache points against the model: a model without prompt caching, a field it
 * does not cache (tool definitions on Nova) or a TTL it does not offer is refused with the
 * service's wording; Claude also refuses more than four points and a longer TTL after a shorter
 * one (TTLs must not increase from tool definitions to system prompt to messages), in its own words.
 *
 * @example
 * checkCachePoints(request, capabilitiesFor("us.anthropic.claude-sonnet-4-5-20250929-v1:0"), true);
 */
export function checkCachePoints(request: WireConverseRequest, capabilities: ModelCapabilities, claude: boolean): void {
  const points = cachePointsOf(request);
  if (points.length === 0) return;
  const caching = capabilities.promptCaching;
  if (caching === undefined || points.some((point) => !caching.fields.includes(point.field) || !(caching.ttls as readonly string[]).includes(point.ttl))) {
    throw validationError(CACHING_REFUSED);
  }
  if (!claude) return;
  if (points.length > caching.maxCachePoints) {
    throw validationError(`The model returned the following errors: A maximum of ${caching.maxCachePoints} blocks with cache_control may be provided. Found ${points.length}.`);
  }
  let shortest = points[0];
  for (const point of points) {
    if (shortest !== undefined && (TTL_RANK[point.ttl] ?? 0) > (TTL_RANK[shortest.ttl] ?? 0)) {
      throw validationError(
        `The model returned the following errors: ${point.claudePath}.cache_control.ttl: a ttl='${point.ttl}' cache_control block must not come after a ttl='${shortest.ttl}' cache_control block`,
      );
    }
    if ((TTL_RANK[point.ttl] ?? 0) < (TTL_RANK[shortest?.ttl ?? "1h"] ?? 0)) shortest = point;
  }
}
