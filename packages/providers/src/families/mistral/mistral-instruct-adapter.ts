import type { StopReason } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { ModelFamilyAdapter, NativeBody, NativeStreamDecoder, NativeTurn } from "../../adapter.js";
import { NativeResponseError } from "../../errors/native-response-error.js";
import { NO_FEATURES } from "../../features/family-features.js";
import type { ConverseStreamWriter } from "../../shared/converse-stream-writer.js";
import { additionalFields, blocksText, inferenceSettings, systemText, textBlocks } from "../../shared/converse-content.js";
import { asArray, asRecord, asString, compact } from "../../shared/native-values.js";
import { mapStopReason } from "../../shared/stop-reason.js";

const FAMILY = "mistral";
const MISTRAL_STOP_REASONS: Readonly<Record<string, StopReason>> = { stop: "end_turn", length: "max_tokens" };

/**
 * A conversation in Mistral's instruction format: `<s>[INST] … [/INST] answer</s>[INST] … [/INST]`,
 * the system prompt placed before the first instruction (the format has no system role).
 *
 * @example
 * mistralPrompt({ modelId, messages: [{ role: "user", content: [{ text: "Hi" }] }] }); // "<s>[INST] Hi [/INST]"
 */
export function mistralPrompt(request: ModelRequest): string {
  let prompt = "<s>";
  let system = systemText(request);
  for (const message of request.messages ?? []) {
    const text = blocksText(message.content).trim();
    if (message.role === "assistant") prompt += ` ${text}</s>`;
    else {
      prompt += `[INST] ${system === "" ? text : `${system}\n\n${text}`} [/INST]`;
      system = "";
    }
  }
  return prompt;
}

function buildMistralRequest(request: ModelRequest): NativeBody {
  const settings = inferenceSettings(request);
  return compact({
    prompt: mistralPrompt(request),
    max_tokens: settings.maxTokens,
    stop: settings.stopSequences,
    temperature: settings.temperature,
    top_p: settings.topP,
    ...additionalFields(request),
  });
}

function firstOutput(body: NativeBody): Record<string, unknown> | undefined {
  return asRecord(asArray(body.outputs)?.[0]);
}

function parseMistralResponse(body: NativeBody): NativeTurn {
  const output = firstOutput(body);
  if (!output) throw new NativeResponseError(FAMILY, "the body has no outputs[0]", body);
  const text = asString(output.text) ?? "";
  return { content: textBlocks(text), stopReason: mapStopReason(MISTRAL_STOP_REASONS, output.stop_reason, "end_turn") };
}

function createMistralStreamDecoder(writer: ConverseStreamWriter): NativeStreamDecoder {
  return {
    push(chunk: NativeBody): void {
      const output = firstOutput(chunk);
      writer.start();
      writer.text(asString(output?.text) ?? "");
      if (typeof output?.stop_reason === "string") writer.stop(mapStopReason(MISTRAL_STOP_REASONS, output.stop_reason, "end_turn"));
    },
    end(): void {},
  };
}

/**
 * Mistral text-completion models (Mistral 7B, Mixtral 8x7B, Mistral Large 2402, Mistral Small)
 * through the instruction prompt format. No tools: use `mistral-chat` models for those.
 *
 * @example
 * mistralInstructAdapter.buildRequest(request, context); // { prompt: "<s>[INST] Hi [/INST]", max_tokens: 200 }
 */
export const mistralInstructAdapter: ModelFamilyAdapter = {
  family: FAMILY,
  displayName: "Mistral (instruct)",
  exampleModelIds: ["mistral.mistral-7b-instruct-v0:2", "mistral.mixtral-8x7b-instruct-v0:1", "mistral.mistral-large-2402-v1:0"],
  features: { ...NO_FEATURES, text: true, systemPrompt: true, multiTurn: true, streaming: true, stopSequences: true },
  matches: (id) => /^mistral\./.test(id),
  buildRequest: (request) => buildMistralRequest(request),
  parseResponse: (body) => parseMistralResponse(body),
  createStreamDecoder: (writer) => createMistralStreamDecoder(writer),
};
