import type { StopReason } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { ModelFamilyAdapter, NativeBody, NativeTurn } from "../../adapter.js";
import { NativeResponseError } from "../../errors/native-response-error.js";
import { NO_FEATURES } from "../../features/family-features.js";
import { additionalFields, inferenceSettings, textBlocks } from "../../shared/converse-content.js";
import { asArray, asRecord, asString, compact } from "../../shared/native-values.js";
import { mapStopReason } from "../../shared/stop-reason.js";
import { transcriptPrompt } from "../../shared/transcript-prompt.js";

const FAMILY = "ai21-jurassic";
const JURASSIC_STOP_REASONS: Readonly<Record<string, StopReason>> = { endoftext: "end_turn", length: "max_tokens", stop: "stop_sequence" };

function buildJurassicRequest(request: ModelRequest): NativeBody {
  const settings = inferenceSettings(request);
  return compact({
    prompt: transcriptPrompt(request.messages ?? []),
    maxTokens: settings.maxTokens,
    temperature: settings.temperature,
    topP: settings.topP,
    stopSequences: settings.stopSequences,
    ...additionalFields(request),
  });
}

function parseJurassicResponse(body: NativeBody): NativeTurn {
  const completion = asRecord(asArray(body.completions)?.[0]);
  if (!completion) throw new NativeResponseError(FAMILY, "the body has no completions[0]", body);
  const text = asString(asRecord(completion.data)?.text) ?? "";
  const reason = asRecord(completion.finishReason)?.reason;
  return { content: textBlocks(text), stopReason: mapStopReason(JURASSIC_STOP_REASONS, reason, "end_turn") };
}

/**
 * AI21 Jurassic-2 (legacy `ai21.j2-mid-v1`, `ai21.j2-ultra-v1`): a completion `prompt` with
 * camelCase settings; answered with `completions[].data.text`. No streaming.
 *
 * @example
 * ai21JurassicAdapter.buildRequest(request, context); // { prompt: "Hi", maxTokens: 200 }
 */
export const ai21JurassicAdapter: ModelFamilyAdapter = {
  family: FAMILY,
  displayName: "AI21 Jurassic-2 (legacy)",
  exampleModelIds: ["ai21.j2-mid-v1", "ai21.j2-ultra-v1"],
  features: { ...NO_FEATURES, text: true, multiTurn: true, stopSequences: true },
  matches: (id) => /^ai21\.j2/.test(id),
  buildRequest: (request) => buildJurassicRequest(request),
  parseResponse: (body) => parseJurassicResponse(body),
  createStreamDecoder: () => {
    throw new Error("AI21 Jurassic-2 has no streaming; checkRequestFeatures refuses the call first.");
  },
};
