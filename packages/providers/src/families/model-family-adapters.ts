import type { ModelFamilyAdapter } from "../adapter.js";
import { ai21JambaAdapter } from "./ai21/ai21-jamba-adapter.js";
import { ai21JurassicAdapter } from "./ai21/ai21-jurassic-adapter.js";
import { amazonNovaAdapter } from "./amazon-nova/amazon-nova-adapter.js";
import { amazonTitanTextAdapter } from "./amazon-titan-text/amazon-titan-text-adapter.js";
import { anthropicClaudeAdapter } from "./anthropic-claude/anthropic-claude-adapter.js";
import { anthropicClaudeTextAdapter } from "./anthropic-claude/anthropic-claude-text-adapter.js";
import { cohereCommandRAdapter } from "./cohere-command/cohere-command-r-adapter.js";
import { cohereCommandTextAdapter } from "./cohere-command/cohere-command-text-adapter.js";
import { deepseekAdapter } from "./deepseek/deepseek-adapter.js";
import { metaLlamaAdapter } from "./meta-llama/meta-llama-adapter.js";
import { mistralChatAdapter } from "./mistral/mistral-chat-adapter.js";
import { mistralInstructAdapter } from "./mistral/mistral-instruct-adapter.js";
import { openaiGptOssAdapter } from "./openai-gpt-oss/openai-gpt-oss-adapter.js";
import { OPEN_WEIGHT_CHAT_ADAPTERS } from "./open-weight-chat/open-weight-chat-adapters.js";

/**
 * Every built-in chat family, in the order model IDs are matched against them (the chat
 * dialect of Mistral before its instruct dialect).
 *
 * @example
 * MODEL_FAMILY_ADAPTERS.map((adapter) => adapter.family);
 */
export const MODEL_FAMILY_ADAPTERS: readonly ModelFamilyAdapter[] = [
  anthropicClaudeAdapter,
  anthropicClaudeTextAdapter,
  amazonNovaAdapter,
  amazonTitanTextAdapter,
  metaLlamaAdapter,
  mistralChatAdapter,
  mistralInstructAdapter,
  cohereCommandRAdapter,
  cohereCommandTextAdapter,
  ai21JambaAdapter,
  ai21JurassicAdapter,
  deepseekAdapter,
  openaiGptOssAdapter,
  ...OPEN_WEIGHT_CHAT_ADAPTERS,
];
