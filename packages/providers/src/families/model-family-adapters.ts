import type { ModelFamilyAdapter } from "../adapter.js";
import { anthropicClaudeAdapter } from "./anthropic-claude/anthropic-claude-adapter.js";

/**
 * Every built-in chat family, in the order model IDs are matched against them.
 *
 * @example
 * MODEL_FAMILY_ADAPTERS.map((adapter) => adapter.family);
 */
export const MODEL_FAMILY_ADAPTERS: readonly ModelFamilyAdapter[] = [anthropicClaudeAdapter];
