import type { StopReason } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { AdapterContext, ModelFamilyAdapter, NativeBody, NativeStreamDecoder, NativeTurn } from "../../adapter.js";
import { NativeResponseError } from "../../errors/native-response-error.js";
import { NO_FEATURES } from "../../features/family-features.js";
import type { ConverseStreamWriter } from "../../shared/converse-stream-writer.js";
import { additionalFields, inferenceSettings, offeredTools } from "../../shared/converse-content.js";
import { asNumber, asString, compact } from "../../shared/native-values.js";
import { PromptToolCallFilter, promptReplyContent } from "../../shared/prompt-tool-calls.js";
import { mapStopReason, stopForToolCalls } from "../../shared/stop-reason.js";
import { knownUsage } from "../../shared/token-usage.js";
import { llamaPrompt, llamaTemplate } from "./meta-llama-prompt.js";

const FAMILY = "meta-llama";
const LLAMA_STOP_REASONS: Readonly<Record<string, StopReason>> = { stop: "end_turn", length: "max_tokens" };

function buildLlamaRequest(request: ModelRequest, context: AdapterContext): NativeBody {
  const settings = inferenceSettings(request);
  const { prompt, images } = llamaPrompt(request, llamaTemplate(context.baseModelId));
  return compact({
    prompt,
    temperature: settings.temperature,
    top_p: settings.topP,
    max_gen_len: settings.maxTokens,
    images: images.length > 0 ? images : undefined,
    ...additionalFields(request),
  });
}

function usageOf(chunk: NativeBody): NativeTurn["usage"] {
  return knownUsage({ inputTokens: asNumber(chunk.prompt_token_count), outputTokens: asNumber(chunk.generation_token_count) });
}

function parseLlamaResponse(body: NativeBody, context: AdapterContext): NativeTurn {
  const generation = asString(body.generation);
  if (generation === undefined) throw new NativeResponseError(FAMILY, "the body has no generation string", body);
  const content = promptReplyContent(generation, offeredTools(context.request).length > 0);
  const stopReason = mapStopReason(LLAMA_STOP_REASONS, body.stop_reason, "end_turn");
  return { content, stopReason: stopForToolCalls(stopReason, content.some((block) => block.toolUse)), usage: usageOf(body) };
}

function createLlamaStreamDecoder(writer: ConverseStreamWriter, context: AdapterContext): NativeStreamDecoder {
  const filter = new PromptToolCallFilter(writer, offeredTools(context.request).length > 0);
  let stopReason: StopReason | undefined;
  return {
    push(chunk: NativeBody): void {
      writer.start();
      filter.push(asString(chunk.generation) ?? "");
      const usage = usageOf(chunk);
      if (usage) writer.usage(usage);
      if (typeof chunk.stop_reason === "string") stopReason = mapStopReason(LLAMA_STOP_REASONS, chunk.stop_reason, "end_turn");
    },
    end(): void {
      filter.end();
      writer.stop(stopForToolCalls(stopReason ?? "end_turn", writer.toolUseCount > 0));
    },
  };
}

/**
 * Meta Llama 3.x and 4 (and Llama 2) through their chat templates in `prompt`. Tools use the
 * JSON tool-call format of Llama 3.1+: definitions in the system prompt, calls read back from
 * JSON lines at the end of the generation (held back while streaming), results sent as
 * `ipython` turns. Images go in `images` for the vision models.
 *
 * @example
 * metaLlamaAdapter.buildRequest(request, context).prompt; // "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>…"
 */
export const metaLlamaAdapter: ModelFamilyAdapter = {
  family: FAMILY,
  displayName: "Meta Llama",
  exampleModelIds: ["meta.llama3-1-8b-instruct-v1:0", "us.meta.llama3-3-70b-instruct-v1:0", "us.meta.llama4-maverick-17b-instruct-v1:0"],
  features: {
    ...NO_FEATURES,
    text: true,
    systemPrompt: true,
    multiTurn: true,
    tools: { note: "Llama 3.1 and later", models: (id) => /llama3-[1-9]-|llama4/.test(id) },
    // AWS documents Llama 4 as unavailable on the streaming operations.
    streaming: { note: "not Llama 4", models: (id) => !/llama4/.test(id) },
    streamedTools: { note: "Llama 3.1–3.3; calls arrive when the stream ends", models: (id) => /llama3-[1-9]-/.test(id) },
    images: { note: "Llama 3.2 11B/90B and Llama 4", models: (id) => /llama3-2-(11|90)b|llama4/.test(id) },
  },
  matches: (id) => /^meta\.llama/.test(id),
  buildRequest: buildLlamaRequest,
  parseResponse: parseLlamaResponse,
  createStreamDecoder: createLlamaStreamDecoder,
};
