import { ConfigurationError, type Message } from "@sluice/core";
import { ContextOverflowError } from "../errors/context-overflow-error.js";
import { checkOptions, functionOption, integerOption } from "../shared/options.js";
import { estimateMessageTokens, estimateRequestTokens } from "../shared/token-estimate.js";
import type { ConversationManager, ReduceOptions } from "./conversation-manager.js";
import { cutPoints, defaultOmittedNotice, keepFrom } from "./cut-points.js";

/** Options of `tokenBudgetManager`. */
export interface TokenBudgetOptions {
  /** Most tokens to send, system prompt and tool definitions included. */
  maxTokens: number;
  /** Token count of one message. Default: a characters / 4 estimate. */
  estimateTokens?: (message: Message) => number;
  /** Text of the user message that stands in for what was left out. */
  notice?: string;
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
  checkOptions(owner, options, ["maxTokens", "estimateTokens", "notice"]);
  const maxTokens = integerOption(owner, "maxTokens", options?.maxTokens);
  if (maxTokens === undefined) throw new ConfigurationError(`${owner}: maxTokens is required (the most tokens to send, e.g. 150000).`);
  const estimate = functionOption<(message: Message) => number>(owner, "estimateTokens", options.estimateTokens) ?? estimateMessageTokens;
  const notice = options.notice ?? defaultOmittedNotice;

  return {
    name: "token-budget",
    async reduce(messages: readonly Message[], reduceOptions: ReduceOptions): Promise<Message[]> {
      const fixed = reduceOptions.request ? estimateRequestTokens({ system: reduceOptions.request.system, toolConfig: reduceOptions.request.toolConfig }) : 0;
      const sizes = messages.map(estimate);
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
