import { foundationModelId } from "../families/model-id.js";

/**
 * Conversation rules that differ between models, as seen in recorded traffic. The service
 * enforces "start with a user message" and "alternate roles" for most models, but real
 * recordings show exceptions: Claude 4-generation models accepted a history starting with an
 * assistant message, and Titan Text accepted two user messages in a row.
 */
export interface ConversationRules {
  readonly requiresLeadingUser: boolean;
  readonly requiresAlternation: boolean;
}

const claudeFourGeneration = /^anthropic\.claude-(?:(?:sonnet|opus|haiku)-[4-9]|[4-9])/;

/**
 * The conversation rules for a model ID (profile prefixes and foundation-model ARNs allowed).
 *
 * @example
 * conversationRulesFor("us.anthropic.claude-sonnet-4-5-20250929-v1:0").requiresLeadingUser; // false
 * conversationRulesFor("amazon.nova-micro-v1:0").requiresLeadingUser; // true
 */
export function conversationRulesFor(modelId: string | undefined): ConversationRules {
  const base = foundationModelId(modelId ?? "");
  return {
    requiresLeadingUser: !claudeFourGeneration.test(base),
    requiresAlternation: !base.startsWith("amazon.titan-text") && !base.startsWith("amazon.titan-tg1"),
  };
}
