import type { Message } from "@sluice/core";
import { ContextOverflowError } from "../errors/context-overflow-error.js";
import { checkOptions, integerOption } from "../shared/options.js";
import type { ConversationManager, ReduceOptions } from "./conversation-manager.js";
import { cutPoints, defaultOmittedNotice, keepFrom, keptLength } from "./cut-points.js";

/** Options of `slidingWindowManager`. */
export interface SlidingWindowOptions {
  /** Most messages to send. Default 40. */
  maxMessages?: number;
  /** Text of the user message that stands in for what was left out. */
  notice?: string;
}

const owner = "slidingWindowManager";

/**
 * Keeps the most recent messages, at most `maxMessages`, cutting only where the rest is valid
 * on its own (tool calls stay with their results). When the model refused the messages
 * (`mustShrink`) and they already fit the window, it keeps half of them.
 *
 * @example
 * contextOverflowMiddleware({ manager: slidingWindowManager({ maxMessages: 30 }) });
 */
export function slidingWindowManager(options: SlidingWindowOptions = {}): ConversationManager {
  checkOptions(owner, options, ["maxMessages", "notice"]);
  const maxMessages = integerOption(owner, "maxMessages", options.maxMessages, 2) ?? 40;
  const notice = options.notice ?? defaultOmittedNotice;

  return {
    name: "sliding-window",
    async reduce(messages: readonly Message[], reduceOptions: ReduceOptions): Promise<Message[]> {
      let limit = maxMessages;
      if (reduceOptions.mustShrink && messages.length <= limit) limit = Math.max(2, Math.floor(messages.length / 2));
      const points = cutPoints(messages);
      // The earliest cut that fits keeps the most; if none fits, keep as little as is valid.
      const index = points.find((point) => keptLength(messages, point) <= limit) ?? (points.at(-1) as number);
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
