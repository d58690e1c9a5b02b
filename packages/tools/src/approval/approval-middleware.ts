import { ConfigurationError, type MiddlewareObject, type ToolCall, type ToolCallOutcome, type ToolNext } from "@sluice/core";
import { toolContextOf } from "@sluice/core/internal";
import { isDefinedTool } from "../define/define-tool.js";
import { approvalRequiredReason, isApprovalDecision, type ApprovalRequestData } from "./approval-decision.js";

/** Options of `approvalMiddleware`. */
export interface ApprovalMiddlewareOptions {
  /**
   * Calls that need approval besides tools defined with `needsApproval`: tool names, or a
   * function of the call. Tools built without `defineTool` can also say `metadata: { needsApproval: true }`.
   */
  tools?: readonly string[] | ((call: ToolCall) => boolean | Promise<boolean>);
  /** The error text the model sees for a denied call. Default: says the user denied it and why. */
  deniedMessage?: (call: ToolCall, reason: string) => string;
}

/**
 * Human approval for tool calls. A call that needs approval pauses the run: `send()` resolves
 * with `status: "interrupted"` and the call in `result.interrupts` (reason `approval-required`);
 * nothing runs. Resume with `agent.resume({ [toolUseId]: approve() })` or `deny(reason)`, now or
 * after a restart (`agent.snapshot()` is plain JSON). A denied call reaches the model as an error
 * result with the reason; an approved one runs, with corrected input if `approve({ input })`.
 *
 * @example
 * const agent = new Agent({ modelId, tools: [refund], middleware: [approvalMiddleware()] });
 * const result = await agent.send("Refund order 42");
 * const [pending] = pendingApprovals(result);
 * await agent.resume({ [pending.toolUseId]: approve() });
 */
export function approvalMiddleware(options: ApprovalMiddlewareOptions = {}): MiddlewareObject {
  const { tools, deniedMessage = defaultDeniedMessage } = options;
  if (tools !== undefined && typeof tools !== "function" && !Array.isArray(tools)) {
    throw new ConfigurationError("approvalMiddleware: tools must be an array of tool names or a function (call) => boolean.");
  }
  if (typeof deniedMessage !== "function") throw new ConfigurationError("approvalMiddleware: deniedMessage must be a function (call, reason) => string.");
  const named = Array.isArray(tools) ? new Set<string>(tools) : undefined;

  async function needsApproval(call: ToolCall): Promise<boolean> {
    if (named?.has(call.name)) return true;
    if (typeof tools === "function" && (await tools(call))) return true;
    const tool = call.tool;
    if (!tool) return false; // an unknown tool runs nothing; the loop answers it with an error
    if (isDefinedTool(tool)) {
      if (tool.hasApprovalRule) return tool.requiresApproval(call.input, toolContextOf(call));
    }
    return tool.metadata?.["needsApproval"] === true || tool.metadata?.["requiresApproval"] === true;
  }

  return {
    name: "approval",
    tool: async function approval(call: ToolCall, next: ToolNext): Promise<ToolCallOutcome> {
      const decision = call.resumeValue;
      // A decision is honoured even if the rule would now say otherwise: a denial must never run the tool.
      if (isApprovalDecision(decision)) {
        if (decision.approved) return decision.input === undefined ? next() : next(decision.input);
        return { type: "result", status: "error", content: [{ text: deniedMessage(call, decision.reason) }] };
      }
      if (!(await needsApproval(call))) return next();
      if (decision === undefined) {
        const data: ApprovalRequestData = { kind: "approval", ...(call.tool?.description && { description: call.tool.description }) };
        return { type: "interrupt", reason: approvalRequiredReason, data };
      }
      throw new ConfigurationError(
        `The resume value for tool call ${call.toolUseId} (${call.name}) is not an approval decision: ${safeJson(decision)}. ` +
          'Pass approve() / deny("reason") from @sluice/tools, i.e. { approved: true } or { approved: false, reason: "..." } with a non-blank reason.',
      );
    },
  };
}

function defaultDeniedMessage(call: ToolCall, reason: string): string {
  return `The user denied the call to ${call.name}, so it did not run. Reason: ${reason}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
