import type { StopReason, ToolUseBlock } from "@aws-sdk/client-bedrock-runtime";
import type { ModelFamilyAdapter, NativeBody, NativeStreamDecoder, NativeTurn } from "../../adapter.js";
import { NativeResponseError } from "../../errors/native-response-error.js";
import { NO_FEATURES } from "../../features/family-features.js";
import type { ConverseStreamWriter } from "../../shared/converse-stream-writer.js";
import { newToolUseId, textBlocks } from "../../shared/converse-content.js";
import { asArray, asNumber, asRecord, asString } from "../../shared/native-values.js";
import { mapStopReason, stopForToolCalls } from "../../shared/stop-reason.js";
import { knownUsage } from "../../shared/token-usage.js";
import { COHERE_COMMAND_R_FAMILY, COHERE_COMMAND_R_NAME, buildCommandRRequest } from "./cohere-command-r-request.js";

/** Cohere's `finish_reason` values and their Converse equivalents. */
export const COHERE_STOP_REASONS: Readonly<Record<string, StopReason>> = {
  COMPLETE: "end_turn",
  MAX_TOKENS: "max_tokens",
  STOP_SEQUENCE: "stop_sequence",
  ERROR_TOXIC: "content_filtered",
  ERROR_LIMIT: "model_context_window_exceeded",
  USER_CANCEL: "end_turn",
  ERROR: "malformed_model_output",
};

// Command R's tool calls carry no IDs; Sluice gives each one, and finds the call again by ID in the history.
function toolUses(calls: unknown): Array<ToolUseBlock & { toolUseId: string; name: string }> {
  return (asArray(calls) ?? []).flatMap((call) => {
    const record = asRecord(call);
    if (!record || typeof record.name !== "string") return [];
    return [{ toolUseId: newToolUseId(), name: record.name, input: (asRecord(record.parameters) ?? {}) as never }];
  });
}

function usageOf(meta: unknown): NativeTurn["usage"] {
  const tokens = asRecord(asRecord(meta)?.billed_units) ?? asRecord(asRecord(meta)?.tokens);
  if (!tokens) return undefined;
  return knownUsage({ inputTokens: asNumber(tokens.input_tokens), outputTokens: asNumber(tokens.output_tokens) });
}

function parseCommandRResponse(body: NativeBody): NativeTurn {
  const text = asString(body.text);
  if (text === undefined && body.tool_calls === undefined) throw new NativeResponseError(COHERE_COMMAND_R_FAMILY, "the body has neither text nor tool_calls", body);
  const content = textBlocks(text ?? "");
  const calls = toolUses(body.tool_calls);
  for (const toolUse of calls) content.push({ toolUse });
  const stopReason = mapStopReason(COHERE_STOP_REASONS, body.finish_reason, "end_turn");
  return { content, stopReason: stopForToolCalls(stopReason, calls.length > 0), usage: usageOf(body.meta) };
}

/**
 * Command R stream events → ConverseStream events: `text-generation` as text,
 * `tool-calls-generation` (complete calls) as tool-use blocks, `stream-end` for the finish
 * reason. Chunks without `event_type` (legacy Command) stream their `text`.
 *
 * @example
 * createCommandRStreamDecoder(writer).push({ is_finished: false, event_type: "text-generation", text: "Hi" });
 */
export function createCommandRStreamDecoder(writer: ConverseStreamWriter): NativeStreamDecoder {
  return {
    push(chunk: NativeBody): void {
      writer.start();
      switch (chunk.event_type) {
        case "tool-calls-generation":
          for (const call of toolUses(chunk.tool_calls)) writer.completeToolUse(call.toolUseId, call.name, call.input);
          return;
        case "stream-end": {
          const usage = usageOf(asRecord(chunk.response)?.meta);
          if (usage) writer.usage(usage);
          break;
        }
        case "text-generation":
        case undefined:
          // Legacy Command streams every generation; only the first (index 0) is the reply.
          if ((asNumber(chunk.index) ?? 0) !== 0) return;
          if (chunk.is_finished !== true) writer.text(asString(chunk.text) ?? "");
          break;
        default:
          // stream-start, search and citation events carry nothing for a Converse stream.
          break;
      }
      if (typeof chunk.finish_reason === "string") {
        writer.stop(stopForToolCalls(mapStopReason(COHERE_STOP_REASONS, chunk.finish_reason, "end_turn"), writer.toolUseCount > 0));
      }
    },
    end(): void {},
  };
}

/**
 * Cohere Command R and R+: `message`, `chat_history`, `preamble`, `tools` with
 * `parameter_definitions`, `tool_results`, text `documents`, stop sequences. Tool calls get
 * Sluice-made IDs because Cohere's carry none.
 *
 * @example
 * cohereCommandRAdapter.matches("cohere.command-r-plus-v1:0"); // true
 */
export const cohereCommandRAdapter: ModelFamilyAdapter = {
  family: COHERE_COMMAND_R_FAMILY,
  displayName: COHERE_COMMAND_R_NAME,
  exampleModelIds: ["cohere.command-r-v1:0", "cohere.command-r-plus-v1:0"],
  features: {
    ...NO_FEATURES,
    text: true,
    systemPrompt: true,
    multiTurn: true,
    tools: true,
    streaming: true,
    streamedTools: true,
    documents: { note: "text documents (txt, md, csv, html)", models: () => true },
    stopSequences: true,
  },
  matches: (id) => /^cohere\.command-r/.test(id),
  buildRequest: (request) => buildCommandRRequest(request),
  parseResponse: (body) => parseCommandRResponse(body),
  createStreamDecoder: (writer) => createCommandRStreamDecoder(writer),
};
