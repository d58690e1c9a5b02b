import type { ModelRequest } from "@sluice/core";
import type { ModelFamilyAdapter, NativeBody, NativeTurn } from "../../adapter.js";
import { NativeResponseError } from "../../errors/native-response-error.js";
import { NO_FEATURES } from "../../features/family-features.js";
import { additionalFields, inferenceSettings, textBlocks } from "../../shared/converse-content.js";
import { asArray, asRecord, asString, compact } from "../../shared/native-values.js";
import { mapStopReason } from "../../shared/stop-reason.js";
import { transcriptPrompt } from "../../shared/transcript-prompt.js";
import { COHERE_STOP_REASONS, createCommandRStreamDecoder } from "./cohere-command-r-adapter.js";

const FAMILY = "cohere-command-text";

function buildCommandTextRequest(request: ModelRequest): NativeBody {
  const settings = inferenceSettings(request);
  return compact({
    prompt: transcriptPrompt(request.messages ?? []),
    max_tokens: settings.maxTokens,
    temperature: settings.temperature,
    p: settings.topP,
    stop_sequences: settings.stopSequences,
    ...additionalFields(request),
  });
}

function parseCommandTextResponse(body: NativeBody): NativeTurn {
  const generation = asRecord(asArray(body.generations)?.[0]);
  if (!generation) throw new NativeResponseError(FAMILY, "the body has no generations[0]", body);
  const text = asString(generation.text) ?? "";
  return { content: textBlocks(text), stopReason: mapStopReason(COHERE_STOP_REASONS, generation.finish_reason, "end_turn") };
}

/**
 * Cohere Command and Command Light (legacy `cohere.command-text-v14`,
 * `cohere.command-light-text-v14`): a completion `prompt`, answered with `generations[]`; the
 * stream sends `{text, is_finished}` chunks. Only the first generation is read.
 *
 * @example
 * cohereCommandTextAdapter.buildRequest(request, context); // { prompt: "Hi", max_tokens: 10 }
 */
export const cohereCommandTextAdapter: ModelFamilyAdapter = {
  family: FAMILY,
  displayName: "Cohere Command (legacy)",
  exampleModelIds: ["cohere.command-text-v14", "cohere.command-light-text-v14"],
  features: { ...NO_FEATURES, text: true, multiTurn: true, streaming: true, stopSequences: true },
  matches: (id) => /^cohere\.command-(light-)?text/.test(id),
  buildRequest: (request) => buildCommandTextRequest(request),
  parseResponse: (body) => parseCommandTextResponse(body),
  createStreamDecoder: (writer) => createCommandRStreamDecoder(writer),
};
