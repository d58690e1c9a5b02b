import type { Attributes, Span, Tracer } from "@opentelemetry/api";
import type { AgentResult, AgentStream } from "@sluice/core";
import { bedrockProviderName, GenAiAttributes, usageAttributes } from "./gen-ai-attributes.js";
import { recordFailure } from "./record-failure.js";
import { openTelemetry } from "./otel-api.js";
import { tracerName } from "./tracer-name.js";

/** Describes the agent in its run span. */
export interface AgentRunTraceOptions {
  tracer?: Tracer;
  /** `gen_ai.agent.name`, also in the span name. */
  agentName?: string;
  agentId?: string;
  /** `gen_ai.conversation.id`, to group the runs of one conversation. */
  conversationId?: string;
  /** The agent's model ID (`gen_ai.request.model`). */
  modelId?: string;
}

/**
 * Runs one agent call (`send`, `stream` or `resume`) inside an `invoke_agent` span, so the
 * model-call and tool-call spans of `tracingMiddleware` nest under it, and records the run's
 * finish reason, status, steps and token usage. Nesting needs an OpenTelemetry context manager,
 * which the Node SDK registers. For `stream`, the same stream is returned and the span ends
 * with its result.
 *
 * @example
 * const result = await traceAgentRun({ agentName: "support", modelId }, () => agent.send("Where is my order?"));
 * const stream = traceAgentRun({ agentName: "support" }, () => agent.stream("And the invoice?"));
 */
export function traceAgentRun<T extends Promise<AgentResult> | AgentStream>(options: AgentRunTraceOptions, run: () => T): T {
  const { context, trace } = openTelemetry();
  const tracer = options.tracer ?? trace.getTracer(tracerName);
  const span = startRunSpan(tracer, options);
  let started: T;
  try {
    started = context.with(trace.setSpan(context.active(), span), run);
  } catch (error) {
    recordFailure(span, error);
    span.end();
    throw error;
  }
  const result: Promise<AgentResult> = "result" in started ? started.result : started;
  result.then(
    (finished) => endRunSpan(span, finished),
    (error: unknown) => endRunSpan(span, undefined, error),
  );
  return started;
}

/** Starts an `invoke_agent` span described by `options` (used by `traceAgentRun` and `tracingMiddleware`'s run hook). */
export function startRunSpan(tracer: Tracer, options: Omit<AgentRunTraceOptions, "tracer">): Span {
  const attributes: Attributes = {
    [GenAiAttributes.operationName]: "invoke_agent",
    [GenAiAttributes.providerName]: bedrockProviderName,
    ...(options.agentName && { [GenAiAttributes.agentName]: options.agentName }),
    ...(options.agentId && { [GenAiAttributes.agentId]: options.agentId }),
    ...(options.conversationId && { [GenAiAttributes.conversationId]: options.conversationId }),
    ...(options.modelId && { [GenAiAttributes.requestModel]: options.modelId }),
  };
  return tracer.startSpan(options.agentName ? `invoke_agent ${options.agentName}` : "invoke_agent", { kind: openTelemetry().SpanKind.INTERNAL, attributes });
}

/** Records a run's outcome (finish reason, status, steps, usage, or the error) and ends its span. */
export function endRunSpan(span: Span, finished: AgentResult | undefined, error?: unknown): void {
  if (finished) {
    span.setAttributes({
      ...usageAttributes(finished.usage),
      ...(finished.stopReason !== undefined && { [GenAiAttributes.responseFinishReasons]: [String(finished.stopReason)] }),
      "sluice.run.status": finished.status,
      "sluice.run.steps": finished.steps.length,
    });
  } else {
    recordFailure(span, error);
  }
  span.end();
}
