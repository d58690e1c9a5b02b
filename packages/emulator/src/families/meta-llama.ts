import type { WireContentBlock, WireConverseRequest } from "../wire/converse-types.js";
import type { ModelFamily, ModelTurn, RenderContext } from "./model-family.js";
import { parseChatTemplatePrompt } from "./chat-template-prompt.js";
import { imageFormatOfBase64 } from "./image-format.js";
import { modelIdMatcher } from "./model-id.js";
import { assertBody, type BodySchema } from "./native-body-schema.js";
import { runningTotals, textChunks } from "./text-chunks.js";
import { toolCallText } from "./tool-call-text.js";
import { completionStopReason, turnText, turnToolUses } from "./turn-content.js";

const LLAMA_SCHEMA: BodySchema = {
  required: ["prompt"],
  properties: {
    prompt: { type: "string" },
    temperature: { type: "number", minimum: 0, maximum: 1 },
    top_p: { type: "number", minimum: 0, maximum: 1 },
    max_gen_len: { type: "integer", minimum: 1, maximum: 2048 },
    images: { type: "array", items: { type: "string" } },
  },
};

function parseLlamaRequest(body: unknown): WireConverseRequest {
  assertBody(body, LLAMA_SCHEMA);
  const { system, messages } = parseChatTemplatePrompt(body.prompt as string);
  const images = (body.images as string[] | undefined) ?? [];
  if (images.length > 0) {
    const blocks: WireContentBlock[] = images.map((bytes) => ({ image: { format: imageFormatOfBase64(bytes), source: { bytes } } }));
    const lastUser = [...messages].reverse().find((message) => message.role === "user");
    if (lastUser) lastUser.content.unshift(...blocks);
    else messages.push({ role: "user", content: blocks });
  }
  const request: WireConverseRequest = { messages };
  if (system !== "") request.system = [{ text: system }];
  const config: NonNullable<WireConverseRequest["inferenceConfig"]> = {};
  if (body.max_gen_len !== undefined) config.maxTokens = body.max_gen_len as number;
  if (body.temperature !== undefined) config.temperature = body.temperature as number;
  if (body.top_p !== undefined) config.topP = body.top_p as number;
  if (Object.keys(config).length > 0) request.inferenceConfig = config;
  return request;
}

// Tool calls come back as the JSON text Llama 3.1+ writes for custom tools.
function generationText(turn: ModelTurn): string {
  const calls = toolCallText(turnToolUses(turn));
  const text = turnText(turn);
  return calls === "" ? text : text === "" ? calls : `${text}\n${calls}`;
}

function renderLlamaResponse(turn: ModelTurn): unknown {
  return {
    generation: generationText(turn),
    prompt_token_count: turn.usage.inputTokens,
    generation_token_count: turn.usage.outputTokens,
    stop_reason: completionStopReason(turn),
  };
}

function renderLlamaStream(turn: ModelTurn, context: RenderContext): unknown[] {
  const pieces = textChunks(generationText(turn), context.chunkSize);
  if (pieces.length === 0) pieces.push("");
  const counts = runningTotals(turn.usage.outputTokens, pieces.length);
  return pieces.map((generation, index) => {
    const last = index === pieces.length - 1;
    const chunk: Record<string, unknown> = {
      generation,
      prompt_token_count: index === 0 ? turn.usage.inputTokens : null,
      generation_token_count: counts[index],
      stop_reason: last ? completionStopReason(turn) : null,
    };
    if (last) chunk["amazon-bedrock-invocationMetrics"] = context.invocationMetrics;
    return chunk;
  });
}

/**
 * Meta Llama 2, 3.x and 4: a `prompt` in the model's chat template (read back into messages),
 * `max_gen_len` up to 2048, optional base64 `images` for Llama 3.2 vision; answered with
 * `generation` and token counts.
 *
 * @example
 * metaLlamaFamily.parseRequest({ prompt: "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>" });
 */
export const metaLlamaFamily: ModelFamily = {
  name: "meta-llama",
  matches: modelIdMatcher(/^meta\.llama/),
  parseRequest: parseLlamaRequest,
  renderResponse: renderLlamaResponse,
  renderStream: renderLlamaStream,
};
