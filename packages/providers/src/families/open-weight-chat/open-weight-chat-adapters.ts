import type { ModelFamilyAdapter } from "../../adapter.js";
import { openWeightChatAdapter } from "./open-weight-chat-adapter.js";

/**
 * The open-weight chat families on Bedrock with the OpenAI Chat Completions body, in the order
 * they are matched.
 *
 * @example
 * OPEN_WEIGHT_CHAT_ADAPTERS.map((adapter) => adapter.family); // ["qwen", "deepseek-v3", "minimax", "moonshot-kimi", "zai-glm", "google-gemma", "nvidia-nemotron"]
 */
export const OPEN_WEIGHT_CHAT_ADAPTERS: readonly ModelFamilyAdapter[] = [
  openWeightChatAdapter({
    family: "qwen",
    displayName: "Qwen3",
    exampleModelIds: ["qwen.qwen3-32b-v1:0", "qwen.qwen3-235b-a22b-2507-v1:0", "qwen.qwen3-coder-480b-a35b-v1:0"],
    pattern: /^qwen\.qwen3/,
    reasoning: true,
    images: { note: "Qwen3 VL", models: (id) => /qwen3-vl/.test(id) },
  }),
  openWeightChatAdapter({ family: "deepseek-v3", displayName: "DeepSeek V3", exampleModelIds: ["deepseek.v3-v1:0"], pattern: /^deepseek\.v3/, reasoning: true, images: false }),
  openWeightChatAdapter({ family: "minimax", displayName: "MiniMax", exampleModelIds: ["minimax.minimax-m2"], pattern: /^minimax\./, reasoning: true, images: false }),
  openWeightChatAdapter({
    family: "moonshot-kimi",
    displayName: "Moonshot Kimi",
    exampleModelIds: ["moonshot.kimi-k2-thinking"],
    pattern: /^moonshot(?:ai)?\.kimi/,
    reasoning: { note: "Kimi K2 Thinking", models: (id) => /thinking/.test(id) },
    images: false,
  }),
  openWeightChatAdapter({ family: "zai-glm", displayName: "Z.ai GLM", exampleModelIds: ["zai.glm-4.7-flash"], pattern: /^zai\.glm/, reasoning: true, images: false }),
  openWeightChatAdapter({ family: "google-gemma", displayName: "Google Gemma 3", exampleModelIds: ["google.gemma-3-27b-it"], pattern: /^google\.gemma/, reasoning: false, images: true }),
  openWeightChatAdapter({ family: "nvidia-nemotron", displayName: "NVIDIA Nemotron", exampleModelIds: ["nvidia.nemotron-nano-12b-v2"], pattern: /^nvidia\.nemotron/, reasoning: true, images: false }),
];
