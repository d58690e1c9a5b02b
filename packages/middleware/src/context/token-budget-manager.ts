import { ConfigurationError, type Message } from "@sluice/core";
import { ContextOverflowError } from "../errors/context-overflow-error.js";
import { checkOptions, functionOption, integerOption } from "../shared/options.js";
import { estimateMessageTokens, estimateRequestTokens } from "../shared/token-estimate.js";
import type { ConversationManager, ReduceOptions } from "./conversation-manager.js";
import type { TokenCounter } from "../token-count/token-counter.js";
import { cutPoints, defaultOmittedNotice, keepFrom } from "./cut-points.js";

/** Options of `tokenBudgetManager`. */
export interface TokenBudgetOptions {
  /** Most tokens to send, system prompt and tool definitions included. */
  maxTokens: number;
  /** Token count of one message. Default: a characters / 4 estimate. */
  estimateTokens?: (message: Message) => number;
  /** Text of the user message that stands in for what was left out. */
  notice?: string;
  /**
   * Counts the whole request once (CountTokens where the model supports it, see
   * `createTokenCounter`) and scales the per-message estimates to that count, so the budget
   * holds in the model's own tokens.
   */
  tokenCounter?: TokenCounter;
}

const owner = "tokenBudgetManager";

/**
 * Keeps the most recent messages whose estimated tokens, with the system prompt and tool
 * definitions, fit `maxTokens`, cutting only where tool calls stay with their results. When
 * the model refused messages the estimate said would fit (`mustShrink`), it keeps half the
 * estimated tokens instead.
 *
 * @example
 * contextOverflowMiddleware({ manager: tokenBudgetManager({ maxTokens: 150_000 }) });
 */
export function tokenBudgetManager(options: TokenBudgetOptions): ConversationManager {
  checkOptions(owner, options, ["maxTokens", "estimateTokens", "notice", "tokenCounter"]);
  const tokenCounter = options?.tokenCounter;
  if (tokenCounter !== undefined && typeof tokenCounter?.count !== "function") {
    throw new ConfigurationError(`${owner}: tokenCounter must have a count(request) method, e.g. createTokenCounter({ client }).`);
  }
  const maxTokens = integerOption(owner, "maxTokens", options?.maxTokens);
  if (maxTokens === undefined) throw new ConfigurationError(`${owner}: maxTokens is required (the most tokens to send, e.g. 150000).`);
  const estimate = functionOption<(message: Message) => number>(owner, "estimateTokens", options.estimateTokens) ?? estimateMessageTokens;
  const notice = options.notice ?? defaultOmittedNotice;

  return {
    name: "token-budget",
    async reduce(messages: readonly Message[], reduceOptions: ReduceOptions): Promise<Message[]> {
      let fixed = reduceOptions.request ? estimateRequestTokens({ system: reduceOptions.request.system, toolConfig: reduceOptions.request.toolConfig }) : 0;
      let sizes = messages.map(estimate);
      if (tokenCounter && reduceOptions.request) {
        const counted = await tokenCounter.count({ ...reduceOptions.request, messages: [...messages] }, reduceOptions.signal ? { signal: reduceOptions.signal } : {});
        const estimated = fixed + sizes.reduce((sum, size) => sum + size, 0);
        if (counted.source === "count-tokens" && estimated > 0) {
          const scale = counted.inputTokens / estimated;
          fixed = Math.ceil(fixed * scale);
          sizes = sizes.map((size) => Math.ceil(size * scale));
        }
      }
      // suffix[i] = tokens of messages i..end
      const suffix = new Array<number>(messages.length + 1).fill(0);
      for (let index = messages.length - 1; index >= 0; index -= 1) suffix[index] = (suffix[index + 1] as number) + (sizes[index] as number);
      let budget = maxTokens - fixed;
      if (reduceOptions.mustShrink && (suffix[0] as number) <= budget) budget = Math.floor((suffix[0] as number) / 2);
      const noticeTokens = estimate({ role: "user", content: [{ text: notice }] });
      const points = cutPoints(messages);
      const fits = (point: number) => (suffix[point] as number) + (messages[point]?.role === "assistant" ? noticeTokens : 0) <= budget;
      const index = points.find(fits) ?? (points.at(-1) as number);
      if (reduceOptions.mustShrink && index === 0) {
        throw new ContextOverflowError(
          `${owner} cannot shorten a conversation of ${messages.length} messages without separating a tool call from its result.`,
          { originalMessageCount: messages.length },
        );
      }
      return keepFrom(messages, index, notice);
    },
  };
}
