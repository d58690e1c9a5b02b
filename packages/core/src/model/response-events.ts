import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import type { ModelResponse } from "./model.js";

/**
 * The ConverseStream event sequence that a complete Converse response corresponds to, in the
 * order Bedrock sends it: `messageStart`, per block (`contentBlockStart` for tool use only)
 * deltas and a stop, `messageStop`, `metadata`. Lets one middleware observe both kinds of call.
 *
 * @example
 * for (const event of responseToEvents(response)) console.log(Object.keys(event)[0]);
 */
export function* responseToEvents(response: ModelResponse): Generator<ConverseStreamOutput> {
  const message = response.output?.message;
  yield { messageStart: { role: message?.role ?? "assistant" } };
  const content = message?.content ?? [];
  for (let index = 0; index < content.length; index += 1) {
    const block = content[index];
    if (!block) continue;
    if (block.text !== undefined) {
      yield { contentBlockDelta: { contentBlockIndex: index, delta: { text: block.text } } };
    } else if (block.toolUse) {
      const { toolUseId, name, input, type } = block.toolUse;
      yield {
        contentBlockStart: {
          contentBlockIndex: index,
          start: { toolUse: { toolUseId, name, ...(type !== undefined && { type }) } },
        },
      };
      yield { contentBlockDelta: { contentBlockIndex: index, delta: { toolUse: { input: JSON.stringify(input ?? {}) } } } };
    } else if (block.reasoningContent?.reasoningText) {
      const { text, signature } = block.reasoningContent.reasoningText;
      yield { contentBlockDelta: { contentBlockIndex: index, delta: { reasoningContent: { text: text ?? "" } } } };
      if (signature !== undefined) {
        yield { contentBlockDelta: { contentBlockIndex: index, delta: { reasoningContent: { signature } } } };
      }
    } else if (block.reasoningContent?.redactedContent) {
      yield {
        contentBlockDelta: {
          contentBlockIndex: index,
          delta: { reasoningContent: { redactedContent: block.reasoningContent.redactedContent } },
        },
      };
    } else {
      continue;
    }
    yield { contentBlockStop: { contentBlockIndex: index } };
  }
  yield {
    messageStop: {
      stopReason: response.stopReason,
      ...(response.additionalModelResponseFields !== undefined && {
        additionalModelResponseFields: response.additionalModelResponseFields,
      }),
    },
  };
  yield {
    metadata: {
      usage: response.usage,
      metrics: response.metrics,
      ...(response.trace !== undefined && { trace: response.trace }),
      ...(response.performanceConfig !== undefined && { performanceConfig: response.performanceConfig }),
      ...(response.serviceTier !== undefined && { serviceTier: response.serviceTier }),
    },
  };
}
