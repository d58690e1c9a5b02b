import { DBOS } from "@dbos-inc/dbos-sdk";
import type { ToolContext } from "@sluice/core";

/**
 * A key for a tool's side effect that is the same every time the durable run replays or
 * re-runs this tool call: the DBOS workflow id and the call's `toolUseId` (which comes from the
 * stored model response). Give it to the payment API, the email service, or a unique column, so
 * the call that was in flight at a crash (it runs again) does not act twice.
 * Outside a DBOS workflow it is the `toolUseId` alone.
 *
 * @example
 * handler: async ({ orderId }, context) => payments.refund(orderId, { idempotencyKey: toolIdempotencyKey(context) })
 */
export function toolIdempotencyKey(context: Pick<ToolContext, "toolUseId">): string {
  const workflowId = DBOS.workflowID;
  return workflowId === undefined ? context.toolUseId : `${workflowId}:${context.toolUseId}`;
}
