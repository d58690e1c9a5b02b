import {
  type CacheTtl,
  type ContentBlock,
  ConfigurationError,
  defaultCapabilityRegistry,
  type Message,
  type MiddlewareObject,
  ModelCapabilityError,
  ModelCapabilityRegistry,
  type ModelCall,
  type ModelNext,
  type ModelRequest,
  type ModelResult,
  type SystemContentBlock,
  type Tool,
} from "@sluice/core";
import { booleanOption, checkOptions, choiceOption, functionOption, integerOption } from "../shared/options.js";
import { estimateMessageTokens, estimateTextTokens } from "../shared/token-estimate.js";
import { checkCacheTtlOrder, longerTtl, ttlOf } from "./cache-ttl-order.js";
import type { PromptCacheSupport } from "./prompt-cache-support.js";

/** Options of `promptCachingMiddleware`. */
export interface PromptCachingOptions {
  /** A cache point after the system prompt. Default true. */
  system?: boolean;
  /** A cache point after the tool definitions (models that cache tools). Default true. */
  tools?: boolean;
  /** Cache points at the end of this many of the most recent user messages. Default 2. */
  recentMessages?: number;
  /**
   * How long the service keeps the cache: `5m` (the service default) or `1h` (Claude 4.5 and
   * later; a `ModelCapabilityError` on models without it). Placed points follow Bedrock's order
   * rule (TTLs may not increase from tools to system to messages) around points already there.
   */
  ttl?: CacheTtl;
  /** Skip a point whose estimated prefix is below the model's minimum (it would be ignored and use up a slot). Default true. */
  respectMinimumTokens?: boolean;
  /** Which models support caching, and how. Default: the `registry`'s `promptCaching` capability. */
  support?: (modelId: string) => PromptCacheSupport | undefined;
  /** The model capability registry to consult (e.g. one that resolves application inference profiles). Default `defaultCapabilityRegistry`. */
  registry?: ModelCapabilityRegistry;
}

const owner = "promptCachingMiddleware";

type CachePointBlock = NonNullable<SystemContentBlock["cachePoint"]>;

/**
 * Places Bedrock prompt-cache points (`cachePoint` blocks) so repeated prefixes are billed as
 * cache reads: after the system prompt, after the tool definitions, and at the end of the most
 * recent user messages (the newest caches the conversation so far for the next call, the one
 * before reads what the previous call cached). It stays within the model's limit of cache
 * points (those already in the request count), prefers system, then tools, then newer
 * messages, and leaves models without prompt caching untouched. Only the request is changed;
 * the stored conversation never holds the points.
 *
 * @example
 * new Agent({ modelId: "us.anthropic.claude-3-7-sonnet-20250219-v1:0", system: longInstructions,
 *   middleware: [promptCachingMiddleware({ recentMessages: 2 })] });
 */
export function promptCachingMiddleware(options: PromptCachingOptions = {}): MiddlewareObject {
  checkOptions(owner, options, ["system", "tools", "recentMessages", "ttl", "respectMinimumTokens", "support", "registry"]);
  const onSystem = booleanOption(owner, "system", options.system) ?? true;
  const onTools = booleanOption(owner, "tools", options.tools) ?? true;
  const recentMessages = integerOption(owner, "recentMessages", options.recentMessages, 0) ?? 2;
  const ttl = choiceOption(owner, "ttl", options.ttl, ["5m", "1h"]);
  const respectMinimum = booleanOption(owner, "respectMinimumTokens", options.respectMinimumTokens) ?? true;
  const support = functionOption<(modelId: string) => PromptCacheSupport | undefined>(owner, "support", options.support);
  if (options.registry !== undefined && !(options.registry instanceof ModelCapabilityRegistry)) {
    throw new ConfigurationError(`${owner}: registry must be a ModelCapabilityRegistry.`);
  }
  const registry = options.registry ?? defaultCapabilityRegistry;
  async function supportOf(modelId: string): Promise<PromptCacheSupport | undefined> {
    return support ? support(modelId) : (await registry.resolve(modelId)).capabilities.promptCaching;
  }
  // Each placed point is a fresh object, so the TTL alignment can tell them from points already in the request.
  const placed = new WeakSet<object>();
  const newPoint = (): CachePointBlock => {
    const point: CachePointBlock = ttl ? { type: "default", ttl } : { type: "default" };
    placed.add(point);
    return point;
  };

  function place(request: ModelRequest, support: PromptCacheSupport): ModelRequest {
    const tools = request.toolConfig?.tools ?? [];
    const system = request.system ?? [];
    const messages = request.messages ?? [];
    let slots = support.maxCachePoints - cachePointCount(tools) - cachePointCount(system);
    for (const message of messages) slots -= cachePointCount(message.content ?? []);
    const minimum = respectMinimum ? support.minimumTokens : 0;
    // The service reads the prompt as tools, then system, then messages; each point caches everything before it.
    const toolTokens = tools.length > 0 ? estimateTextTokens(JSON.stringify(tools)) : 0;
    const systemTokens = system.reduce((sum, block) => sum + (block.text ? estimateTextTokens(block.text) : 0), 0);
    const next: ModelRequest = { ...request };

    const endsWithPoint = (blocks: ReadonlyArray<{ cachePoint?: unknown }>) => blocks.at(-1)?.cachePoint !== undefined;
    if (onSystem && slots > 0 && support.fields.includes("system") && system.length > 0 && !endsWithPoint(system) && toolTokens + systemTokens >= minimum) {
      next.system = [...system, { cachePoint: newPoint() }];
      slots -= 1;
    }
    if (onTools && slots > 0 && support.fields.includes("tools") && tools.length > 0 && !endsWithPoint(tools) && toolTokens >= minimum) {
      next.toolConfig = { ...request.toolConfig, tools: [...tools, { cachePoint: newPoint() } as Tool] };
      slots -= 1;
    }
    if (recentMessages > 0 && slots > 0 && support.fields.includes("messages") && messages.length > 0) {
      const firstLongEnough = firstIndexReaching(messages, toolTokens + systemTokens, minimum);
      const copy = [...messages];
      let marked = 0;
      for (let index = messages.length - 1; index >= 0 && marked < recentMessages && slots > 0; index -= 1) {
        const message = messages[index];
        if (message?.role !== "user") continue;
        marked += 1;
        const content = message.content ?? [];
        if (content.length === 0 || endsWithPoint(content) || index < firstLongEnough) continue;
        copy[index] = { ...message, content: [...content, { cachePoint: newPoint() } as ContentBlock] };
        slots -= 1;
      }
      next.messages = copy;
    }
    return next;
  }

  async function promptCaching(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const modelSupport = await supportOf(call.request.modelId);
    if (!modelSupport) return next();
    const ttls = modelSupport.ttls ?? ["5m"];
    if (ttl === "1h" && !ttls.includes("1h")) {
      throw new ModelCapabilityError(
        call.request.modelId,
        "promptCaching.ttl:1h",
        `${call.request.modelId} keeps prompt caches for ${ttls.join(" or ")} only; 1-hour cache points need Claude 4.5 or later. ` +
          "Use promptCachingMiddleware({ ttl: \"5m\" }) or leave ttl out.",
      );
    }
    const request = alignTtls(place(call.request, modelSupport), placed, ttls.includes("1h"));
    checkCacheTtlOrder(request);
    return next(request);
  }

  return { name: "prompt-caching", model: promptCaching };
}

/**
 * Makes the points this middleware placed follow the order rule around the request's own points:
 * a placed point takes the longest TTL of the request's points after it (when the model has
 * 1-hour caching), then no placed point is longer than any point before it.
 */
function alignTtls(request: ModelRequest, placed: WeakSet<object>, oneHour: boolean): ModelRequest {
  const points: Array<{ point: CachePointBlock & { ttl?: string }; mine: boolean }> = [];
  const collect = (blocks: ReadonlyArray<{ cachePoint?: unknown }>) => {
    for (const block of blocks) {
      const point = block.cachePoint as (CachePointBlock & { ttl?: string }) | undefined;
      if (point) points.push({ point, mine: placed.has(point) });
    }
  };
  collect(request.toolConfig?.tools ?? []);
  collect(request.system ?? []);
  for (const message of request.messages ?? []) collect(message.content ?? []);
  if (!points.some((entry) => entry.mine)) return request;
  const ttls = points.map((entry) => ttlOf({ cachePoint: entry.point }));
  if (oneHour) {
    let longestLater: CacheTtl = "5m";
    for (let index = points.length - 1; index >= 0; index -= 1) {
      if (points[index]?.mine) ttls[index] = longerTtl(ttls[index] ?? "5m", longestLater);
      else longestLater = longerTtl(longestLater, ttls[index] ?? "5m");
    }
  }
  let shortestBefore: CacheTtl = "1h";
  points.forEach((entry, index) => {
    if (entry.mine && ttls[index] === "1h" && shortestBefore === "5m") ttls[index] = "5m";
    if (ttls[index] === "5m") shortestBefore = "5m";
    if (entry.mine && ttls[index] !== ttlOf({ cachePoint: entry.point })) entry.point.ttl = ttls[index];
  });
  return request;
}

/** How many of `blocks` are cache points. */
function cachePointCount(blocks: ReadonlyArray<{ cachePoint?: unknown }>): number {
  let count = 0;
  for (const block of blocks) if (block.cachePoint) count += 1;
  return count;
}

/**
 * The first message whose prefix (`before` plus the estimated tokens of every message up to and
 * including it) reaches `minimum`, or `messages.length` if none does. Every later message's
 * prefix is longer, so the estimate stops there instead of covering the whole conversation.
 */
function firstIndexReaching(messages: NonNullable<ModelRequest["messages"]>, before: number, minimum: number): number {
  let running = before;
  for (let index = 0; index < messages.length; index += 1) {
    running += estimateMessageTokens(messages[index] as Message);
    if (running >= minimum) return index;
  }
  return messages.length;
}
