import { chatCompletionsFamily } from "./chat-completions-family.js";
import type { ModelFamily } from "./model-family.js";

/**
 * The open-weight chat families Bedrock added from 2025 on, all with the OpenAI Chat Completions
 * body on InvokeModel: Qwen3 (dense, MoE, Coder, VL, Next), DeepSeek V3.x, MiniMax M2, Moonshot
 * Kimi K2, Z.ai GLM, Google Gemma 3 and NVIDIA Nemotron.
 *
 * @example
 * openWeightChatFamilies.map((family) => family.name); // ["qwen", "deepseek-v3", "minimax", "moonshot-kimi", "zai-glm", "google-gemma", "nvidia-nemotron"]
 */
export const openWeightChatFamilies: readonly ModelFamily[] = Object.freeze([
  chatCompletionsFamily("qwen", /^qwen\.qwen3/),
  chatCompletionsFamily("deepseek-v3", /^deepseek\.v3/),
  chatCompletionsFamily("minimax", /^minimax\./),
  chatCompletionsFamily("moonshot-kimi", /^moonshot(?:ai)?\.kimi/),
  chatCompletionsFamily("zai-glm", /^zai\.glm/),
  chatCompletionsFamily("google-gemma", /^google\.gemma/),
  chatCompletionsFamily("nvidia-nemotron", /^nvidia\.nemotron/),
]);
