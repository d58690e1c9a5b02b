import { AbortError, ConfigurationError, type ContentBlock, type Message, type Model, type ModelRequest } from "@sluice/core";
import { ContextOverflowError } from "../errors/context-overflow-error.js";
import { checkOptions, functionOption, integerOption } from "../shared/options.js";
import type { ConversationManager, ReduceOptions } from "./conversation-manager.js";
import { cutPoints, defaultOmittedNotice, keepFrom } from "./cut-points.js";
import { transcriptOf } from "./transcript.js";

/** Options of `summarizingManager`. */
export interface SummarizingOptions {
  /** Most recent messages kept word for word. Default 10. */
  keepRecentMessages?: number;
  /** Writes the summary of the older messages. Default: asks the model (see `model`). */
  summarize?: (messages: readonly Message[], options: ReduceOptions) => Promise<string>;
  /**
   * The model that writes summaries when no `summarize` is given. Inside
   * `contextOverflowMiddleware` the default is the agent's own model, called through the rest
   * of the pipeline; on its own, give one here.
   */
  model?: Model;
  /** Model ID for the summary request. Default: the ID of the request being reduced. */
  modelId?: string;
  /** Instructions for the summary. */
  instructions?: string;
  /** Longest summary in tokens. Default 1,024. */
  maxSummaryTokens?: number;
  /** Longest transcript sent to be summarised, in characters; the oldest text beyond it is left out. Default 400,000. */
  maxTranscriptCharacters?: number;
}

const owner = "summarizingManager";
const defaultInstructions =
  "Summarise the conversation below for the assistant that continues it. Keep facts, names, numbers, decisions, " +
  "open questions and what each tool call returned. Write plain prose, no preamble.";

/**
 * Replaces the older part of a conversation with a summary written by a model, keeping the
 * most recent messages word for word (tool calls stay with their results). Recovery is
 * bounded: if the summary cannot be written (the summary request fails or is itself too
 * long), the older messages are dropped with a short notice instead, so the manager never
 * loops.
 *
 * @example
 * contextOverflowMiddleware({ manager: summarizingManager({ keepRecentMessages: 8 }) });
 */
export function summarizingManager(options: SummarizingOptions = {}): ConversationManager {
  checkOptions(owner, options, ["keepRecentMessages", "summarize", "model", "modelId", "instructions", "maxSummaryTokens", "maxTranscriptCharacters"]);
  const keepRecent = integerOption(owner, "keepRecentMessages", options.keepRecentMessages, 1) ?? 10;
  const custom = functionOption<NonNullable<SummarizingOptions["summarize"]>>(owner, "summarize", options.summarize);
  const maxSummaryTokens = integerOption(owner, "maxSummaryTokens", options.maxSummaryTokens) ?? 1_024;
  const maxTranscript = integerOption(owner, "maxTranscriptCharacters", options.maxTranscriptCharacters) ?? 400_000;
  const instructions = options.instructions ?? defaultInstructions;

  const summarizeWithModel = async (older: readonly Message[], reduceOptions: ReduceOptions, modelId: string): Promise<string> => {
    const request: ModelRequest = {
      modelId,
      system: [{ text: instructions }],
      messages: [{ role: "user", content: [{ text: transcriptOf(older, maxTranscript) }] }],
      inferenceConfig: { maxTokens: maxSummaryTokens },
    };
    const response = options.model
      ? await options.model.converse(request, reduceOptions.signal ? { signal: reduceOptions.signal } : {})
      : await (reduceOptions.complete as NonNullable<ReduceOptions["complete"]>)(request);
    return (response.output?.message?.content ?? []).map((block) => block.text ?? "").join("").trim();
  };

  /** The way this reduction gets its summary; a missing model is a mistake to report, not to hide. */
  const summarizerFor = (reduceOptions: ReduceOptions): ((older: readonly Message[]) => Promise<string>) => {
    if (custom) return (older) => custom(older, reduceOptions);
    if (!options.model && !reduceOptions.complete) {
      throw new ConfigurationError(`${owner}: used outside contextOverflowMiddleware, it needs \`model\` (with \`modelId\`) or \`summarize\`.`);
    }
    const modelId = options.modelId ?? reduceOptions.request?.modelId;
    if (!modelId) throw new ConfigurationError(`${owner}: give \`modelId\` for the summary request, or pass the request being reduced.`);
    return (older) => summarizeWithModel(older, reduceOptions, modelId);
  };

  return {
    name: "summarizing",
    async reduce(messages: readonly Message[], reduceOptions: ReduceOptions): Promise<Message[]> {
      if (!reduceOptions.mustShrink && messages.length <= keepRecent) return [...messages];
      const points = cutPoints(messages);
      const index = points.find((point) => point > 0 && messages.length - point <= keepRecent) ?? (points.at(-1) as number);
      if (index === 0) {
        if (!reduceOptions.mustShrink) return [...messages];
        throw new ContextOverflowError(
          `${owner} cannot shorten a conversation of ${messages.length} messages without separating a tool call from its result.`,
          { originalMessageCount: messages.length },
        );
      }
      const summarize = summarizerFor(reduceOptions);
      let summary = "";
      try {
        summary = await summarize(messages.slice(0, index));
      } catch (error) {
        if (AbortError.isInstance(error) || reduceOptions.signal?.aborted) throw error;
        summary = ""; // fall back to dropping the older messages
      }
      summary = summary.slice(0, maxSummaryTokens * 6);
      if (summary === "") return keepFrom(messages, index, defaultOmittedNotice);
      const note: ContentBlock = { text: `Summary of the earlier part of this conversation:\n${summary}` };
      const kept = messages.slice(index);
      const first = kept[0] as Message;
      if (first.role === "assistant") return [{ role: "user", content: [note] }, ...kept];
      return [{ role: "user", content: [note, ...(first.content ?? [])] }, ...kept.slice(1)];
    },
  };
}
