import type { StopReason } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { ModelFamilyAdapter, NativeBody, NativeStreamDecoder, NativeTurn } from "../../adapter.js";
import { NativeResponseError } from "../../errors/native-response-error.js";
import { NO_FEATURES } from "../../features/family-features.js";
import type { ConverseStreamWriter } from "../../shared/converse-stream-writer.js";
import { additionalFields, inferenceSettings, textBlocks } from "../../shared/converse-content.js";
import { asArray, asNumber, asRecord, asString, compact } from "../../shared/native-values.js";
import { mapStopReason } from "../../shared/stop-reason.js";
import { knownUsage } from "../../shared/token-usage.js";
import { transcriptPrompt } from "../../shared/transcript-prompt.js";

const FAMILY = "amazon-titan-text";

/** Titan's `completionReason` values and their Converse equivalents. */
const TITAN_STOP_REASONS: Readonly<Record<string, StopReason>> = {
  FINISH: "end_turn",
  LENGTH: "max_tokens",
  STOP_CRITERIA_MET: "stop_sequence",
  CONTENT_FILTERED: "content_filtered",
  RAG_QUERY_WHEN_RAG_DISABLED: "end_turn",
};

/**
 * Titan's `inputText`: a single user message as it is; a conversation as the
 * `User: … / Bot: …` transcript Titan's documentation recommends, ending with `Bot:`.
 *
 * @example
 * titanPrompt([{ role: "user", content: [{ text: "Hi" }] }, { role: "assistant", content: [{ text: "Hello!" }] }, { role: "user", content: [{ text: "Bye" }] }]);
 * // "User: Hi\nBot: Hello!\nUser: Bye\nBot:"
 */
export function titanPrompt(messages: NonNullable<ModelRequest["messages"]>): string {
  return transcriptPrompt(messages, "Bot");
}

function buildTitanRequest(request: ModelRequest): NativeBody {
  const settings = inferenceSettings(request);
  const { textGenerationConfig: extraConfig, ...extra } = additionalFields(request);
  const config = compact({
    maxTokenCount: settings.maxTokens,
    temperature: settings.temperature,
    topP: settings.topP,
    stopSequences: settings.stopSequences,
    ...asRecord(extraConfig),
  });
  return compact({
    inputText: titanPrompt(request.messages ?? []),
    textGenerationConfig: Object.keys(config).length > 0 ? config : undefined,
    ...extra,
  });
}

function parseTitanResponse(body: NativeBody): NativeTurn {
  const result = asRecord(asArray(body.results)?.[0]);
  if (!result) throw new NativeResponseError(FAMILY, "the body has no results[0]", body);
  const text = asString(result.outputText) ?? "";
  return {
    content: textBlocks(text),
    stopReason: mapStopReason(TITAN_STOP_REASONS, result.completionReason, "end_turn"),
    usage: knownUsage({ inputTokens: asNumber(body.inputTextTokenCount), outputTokens: asNumber(result.tokenCount) }),
  };
}

function createTitanStreamDecoder(writer: ConverseStreamWriter): NativeStreamDecoder {
  return {
    push(chunk: NativeBody): void {
      writer.text(asString(chunk.outputText) ?? "");
      writer.usage(knownUsage({ inputTokens: asNumber(chunk.inputTextTokenCount), outputTokens: asNumber(chunk.totalOutputTextTokenCount) }));
      if (typeof chunk.completionReason === "string") writer.stop(mapStopReason(TITAN_STOP_REASONS, chunk.completionReason, "end_turn"));
    },
    end(): void {},
  };
}

/**
 * Amazon Titan Text (Express, Lite, Premier, legacy `titan-tg1-large`): `inputText` plus
 * `textGenerationConfig`. Conversations become a `User:`/`Bot:` transcript. No system prompt,
 * tools, images or documents.
 *
 * @example
 * amazonTitanTextAdapter.buildRequest(request, context); // { inputText: "Hi", textGenerationConfig: { maxTokenCount: 50 } }
 */
export const amazonTitanTextAdapter: ModelFamilyAdapter = {
  family: FAMILY,
  displayName: "Amazon Titan Text",
  exampleModelIds: ["amazon.titan-text-express-v1", "amazon.titan-text-premier-v1:0"],
  features: { ...NO_FEATURES, text: true, multiTurn: true, streaming: true, stopSequences: true },
  matches: (id) => /^amazon\.titan-(text-|tg1)/.test(id),
  buildRequest: (request) => buildTitanRequest(request),
  parseResponse: (body) => parseTitanResponse(body),
  createStreamDecoder: (writer) => createTitanStreamDecoder(writer),
};
