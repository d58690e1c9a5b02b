import type { Message } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "../model/model.js";
import { checkSystemBlocks } from "./content-rules.js";
import { checkMessage, markChecked, toolUseIds, usesTools } from "./message-rules.js";

/**
 * The last check before a request leaves the agent. Message arrays the agent built from checked
 * messages are recorded here and pass at the cost of a lookup; an array a middleware replaced is
 * checked in full (messages the conversation already checked skip their content blocks).
 */
const builtArrays = new WeakMap<readonly Message[], boolean>();

/**
 * Records that `messages` was built from checked messages; `withTools` says whether any holds
 * toolUse or toolResult blocks.
 */
export function recordCheckedMessages(messages: readonly Message[], withTools: boolean): void {
  builtArrays.set(messages, withTools);
}

/**
 * The first rule of Bedrock's that `request` breaks, or undefined: every message rule (see
 * `checkMessage`), a non-empty system prompt without blank text, and a toolConfig whenever the
 * messages hold tool blocks.
 *
 * @example
 * const problem = checkRequest(call.request); // e.g. "messages[2] must answer every toolUse ..."
 */
export function checkRequest(request: ModelRequest): string | undefined {
  const messages = request.messages as unknown;
  let withTools = builtArrays.get(messages as Message[]);
  if (withTools === undefined) {
    if (!Array.isArray(messages)) return `messages is ${messages === undefined ? "missing" : typeof messages}; a request needs an array of messages.`;
    if (messages.length === 0) return "messages is empty; a request needs at least one user message.";
    const seen = new Set<string>();
    withTools = false;
    for (let index = 0; index < messages.length; index += 1) {
      const message = messages[index] as Message;
      const problem = checkMessage(message, messages[index - 1] as Message | undefined, index, seen);
      if (problem) return problem;
      markChecked(message);
      for (const id of toolUseIds(message, true)) seen.add(id);
      withTools ||= usesTools(message);
    }
    const last = messages[messages.length - 1] as Message;
    if (toolUseIds(last).length > 0) {
      return `messages[${messages.length - 1}] asks for tools, but no user message with their toolResults follows it; a request cannot end on unanswered tool uses.`;
    }
  }
  if (withTools && !request.toolConfig) {
    return "The messages hold toolUse or toolResult blocks but the request has no toolConfig, which Bedrock then requires. Give the agent the tools of this conversation.";
  }
  if (request.system !== undefined) return checkSystemBlocks(request.system);
  return undefined;
}
