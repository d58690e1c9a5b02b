import { SluiceError } from "./sluice-error.js";

/**
 * A message would make the conversation one that Bedrock refuses (wrong role order, a toolUse
 * without its toolResult, a blank text block...). The conversation is left unchanged.
 *
 * @example
 * conversation.append({ role: "assistant", content: [{ text: "hi" }] }); // first message must be from the user
 */
export class ConversationValidationError extends SluiceError {
  /** Index the offending message would have had in the conversation. */
  readonly messageIndex: number;

  constructor(message: string, messageIndex: number) {
    super("conversation-invalid", message);
    this.messageIndex = messageIndex;
  }
}
