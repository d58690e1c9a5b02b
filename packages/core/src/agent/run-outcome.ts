import { AbortError } from "../errors/abort-error.js";
import { AgentRunError } from "../errors/agent-errors.js";
import { describeThrown } from "../errors/describe-thrown.js";
import { SluiceError } from "../errors/sluice-error.js";
import type { RunStart } from "./run-start.js";

/** What is known about a run when it fails. */
export interface RunFailureContext {
  /** Where the run started; undefined when it failed before a turn was set up (e.g. refused input). */
  start: RunStart | undefined;
  signal: AbortSignal;
  /** The conversation's length now. */
  conversationLength: number;
  /** True when the turn was already in the conversation when the error happened. */
  committed: boolean;
}

/**
 * The error a failed run rejects with, saying truthfully what happened to the turn: a Sluice error
 * as it is (an `AbortError` when the run was aborted before its turn was committed), anything
 * else wrapped in `AgentRunError`; with `rolledBack` and, for a rolled-back turn, what was discarded.
 *
 * @example
 * catch (error) { throw runFailure(error, { start, signal, conversationLength: conversation.length, committed }); }
 */
export function runFailure(error: unknown, context: RunFailureContext): SluiceError {
  if (SluiceError.isInstance(error) && error.rolledBack !== undefined) return error;
  const { start, signal, conversationLength, committed } = context;
  let wrapped: SluiceError;
  if (!committed && signal.aborted && !AbortError.isInstance(error)) {
    wrapped = new AbortError("The agent run was aborted.", { cause: error });
  } else if (SluiceError.isInstance(error)) {
    wrapped = error;
  } else {
    wrapped = new AgentRunError(`The agent run failed: ${describeThrown(error)}`, error);
  }
  if (committed) {
    wrapped.rolledBack = false;
    wrapped.rollback = undefined;
    wrapped.message += ` (The turn was committed before this error: the conversation holds it at ${conversationLength} messages. Do not send the same input again.)`;
    return wrapped;
  }
  wrapped.rolledBack = true;
  if (start === undefined) {
    wrapped.message += ` (No turn was started: the conversation is unchanged at ${conversationLength} messages.)`;
    return wrapped;
  }
  const discarded = start.round ? 0 : start.replacesLast ? start.messages.length - 1 : start.messages.length;
  wrapped.rollback = { discardedMessages: Math.max(discarded, 0), conversationLength };
  wrapped.message += ` (The turn was rolled back: the conversation is unchanged at ${conversationLength} messages.)`;
  return wrapped;
}
