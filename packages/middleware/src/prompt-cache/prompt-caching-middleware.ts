import type { ContentBlock, Message, MiddlewareObject, ModelCall, ModelNext, ModelRequest, ModelResult, SystemContentBlock, Tool } from "@sluice/core";
import { booleanOption, checkOptions, choiceOption, functionOption, integerOption } from "../shared/options.js";
import { estimateMessageTokens, estimateTextTokens } from "../shared/token-estimate.js";
import { promptCacheSupport, type PromptCacheSupport } from "./prompt-cache-support.js";

/** Options of `promptCachingMiddleware`. */
export interface PromptCachingOptions {
  /** A cache point after the system prompt. Default true. */
  system?: boolean;
  /** A cache point after the tool definitions (models that cache tools). Default true. */
  tools?: boolean;
  /** Cache points at the end of this many of the most recent user messages. Default 2. */
  recentMessages?: number;
  /** How long the service keeps the cache: `5m` (the service default) or `1h`. */
  ttl?: "5m" | "1h";
  /** Skip a point whose estimated prefix is below the model's minimum (it would be ignored and use up a slot). Default true. */
  respectMinimumTokens?: boolean;
  /** Which models support caching, and how. Default `promptCacheSupport`. */
  support?: (modelId: string) => PromptCacheSupport | undefined;
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
  checkOptions(owner, options, ["system", "tools", "recentMessages", "ttl", "respectMinimumTokens", "support"]);
  const onSystem = booleanOption(owner, "system", options.system) ?? true;
  const onTools = booleanOption(owner, "tools", options.tools) ?? true;
  const recentMessages = integerOption(owner, "recentMessages", options.recentMessages, 0) ?? 2;
  const ttl = choiceOption(owner, "ttl", options.ttl, ["5m", "1h"]);
  const respectMinimum = booleanOption(owner, "respectMinimumTokens", options.respectMinimumTokens) ?? true;
  const supportOf = functionOption<(modelId: string) => PromptCacheSupport | undefined>(owner, "support", options.support) ?? promptCacheSupport;
  const point: CachePointBlock = ttl ? { type: "default", ttl } : { type: "default" };

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
      next.system = [...system, { cachePoint: point }];
      slots -= 1;
    }
    if (onTools && slots > 0 && support.fields.includes("tools") && tools.length > 0 && !endsWithPoint(tools) && toolTokens >= minimum) {
      next.toolConfig = { ...request.toolConfig, tools: [...tools, { cachePoint: point } as Tool] };
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
        copy[index] = { ...message, content: [...content, { cachePoint: point } as ContentBlock] };
        slots -= 1;
      }
      next.messages = copy;
    }
    return next;
  }

  function promptCaching(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const support = supportOf(call.request.modelId);
    if (!support) return next();
    return next(place(call.request, support));
  }

  return { name: "prompt-caching", model: promptCaching };
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
