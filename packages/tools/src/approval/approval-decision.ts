import type { AgentResult, PendingInterrupt } from "@sluice/core";

/**
 * The interrupt reason of a call waiting for approval (see `PendingInterrupt.reason`).
 *
 * @example
 * result.interrupts?.filter((interrupt) => interrupt.reason === approvalRequiredReason);
 */
export const approvalRequiredReason = "approval-required";

/**
 * A person's answer to a pending approval, passed to `agent.resume({ [toolUseId]: decision })`.
 * Plain JSON, so it can travel through a queue or a web request.
 *
 * @example
 * const decision: ApprovalDecision = request.body.ok ? approve() : deny(request.body.reason);
 */
export type ApprovalDecision =
  | { readonly approved: true; /** Run the tool with this input instead of the model's (checked by the tool's schema). */ readonly input?: unknown }
  | { readonly approved: false; /** Shown to the model, so it can adapt. */ readonly reason: string };

/**
 * Approves a pending tool call, optionally with corrected input.
 *
 * @example
 * await agent.resume({ [pending.toolUseId]: approve() });
 */
export function approve(options: { input?: unknown } = {}): ApprovalDecision {
  return options.input === undefined ? { approved: true } : { approved: true, input: options.input };
}

/**
 * Denies a pending tool call; the model gets an error result with `reason` and carries on.
 *
 * @example
 * await agent.resume({ [pending.toolUseId]: deny("Refunds over $500 need a manager.") });
 */
export function deny(reason: string): ApprovalDecision {
  return { approved: false, reason };
}

/**
 * True for an `ApprovalDecision` (what `approve()` and `deny()` return); a denial needs a non-blank reason.
 *
 * @example
 * isApprovalDecision(JSON.parse('{"approved":false,"reason":"too much"}')); // true
 */
export function isApprovalDecision(value: unknown): value is ApprovalDecision {
  if (typeof value !== "object" || value === null) return false;
  const decision = value as { approved?: unknown; reason?: unknown };
  if (decision.approved === true) return true;
  return decision.approved === false && typeof decision.reason === "string" && decision.reason.trim() !== "";
}

/** What an approval interrupt carries in `PendingInterrupt.data`. */
export interface ApprovalRequestData {
  readonly kind: "approval";
  /** The tool's description, for showing the person what would run. */
  readonly description?: string;
}

/**
 * The tool calls of a paused run that wait for approval.
 *
 * @example
 * const result = await agent.send("Refund order 42");
 * for (const pending of pendingApprovals(result)) console.log(pending.name, pending.input);
 */
export function pendingApprovals(source: AgentResult | readonly PendingInterrupt[] | undefined): PendingInterrupt[] {
  const interrupts = source === undefined ? [] : Array.isArray(source) ? source : ((source as AgentResult).interrupts ?? []);
  return interrupts.filter((interrupt: PendingInterrupt) => interrupt.reason === approvalRequiredReason);
}
