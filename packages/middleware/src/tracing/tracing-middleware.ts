import type { Span, Tracer } from "@opentelemetry/api";
import {
  type MiddlewareObject,
  ModelResult,
  type ModelCall,
  type ModelNext,
  type ModelResponse,
  type ToolCall,
  type ToolCallOutcome,
  type ToolNext,
  type AgentResult,
  type AgentRun,
  type RunNext,
  type StepCall,
  type StepNext,
  type StepOutcome,
} from "@sluice/core";
import { checkOptions } from "../shared/options.js";
import { bedrockProviderName, GenAiAttributes, modelRequestAttributes, modelResponseAttributes } from "./gen-ai-attributes.js";
import { openTelemetry } from "./otel-api.js";
import { recordFailure } from "./record-failure.js";
import { endRunSpan, startRunSpan } from "./trace-agent-run.js";
import { tracerName } from "./tracer-name.js";

/** Options of `tracingMiddleware`. */
export interface TracingOptions {
  /** Default: the global tracer provider's tracer for `@sluice/middleware`. */
  tracer?: Tracer;
  /**
   * Open an `invoke_agent` span around each agent run (default true), named after the agent's
   * `name` option. Turn it off when you wrap runs in `traceAgentRun` yourself.
   */
  runs?: boolean;
  /**
   * Open a span around each workflow step (default true; its `step` hook, for
   * `@sluice/workflows`): `workflow {name}` for a workflow, `step {path}` for each step, with the
   * agents' spans of an agent step nested under its span.
   */
  steps?: boolean;
}

/**
 * OpenTelemetry spans for model calls (`chat {model}`, kind CLIENT) and tool calls
 * (`execute_tool {tool}`, kind INTERNAL) with the GenAI semantic-convention attributes:
 * operation, provider `aws.bedrock`, requested model and settings, finish reasons, token usage
 * (cache reads and writes included), tool name and call ID, and `error.type` on failures.
 * Each agent run gets an `invoke_agent` span (unless `runs: false`) that the model and tool spans
 * nest under (nesting needs a context manager, which the Node SDK registers). In a workflow's
 * middleware, each step gets a span too, the agents' run spans nested under their step's. Placed first, a model
 * span covers all retries of one call. Written through `@opentelemetry/api` only: without
 * an SDK registered the spans are no-ops and the calls pass straight through.
 *
 * @example
 * new Agent({ modelId, middleware: [tracingMiddleware(), retryMiddleware()] });
 */
export function tracingMiddleware(options: TracingOptions = {}): MiddlewareObject {
  checkOptions("tracingMiddleware", options, ["tracer", "runs", "steps"]);
  const { context, trace, SpanKind, SpanStatusCode } = openTelemetry();
  const tracer = options.tracer ?? trace.getTracer(tracerName);

  async function traceRun(run: AgentRun, next: RunNext): Promise<AgentResult> {
    const span = startRunSpan(tracer, { agentName: run.agentName, conversationId: run.conversationId, modelId: run.modelId });
    if (!span.isRecording()) {
      span.end();
      return next();
    }
    span.setAttribute("sluice.run_id", run.runId);
    try {
      const result = await context.with(trace.setSpan(context.active(), span), next);
      endRunSpan(span, result);
      return result;
    } catch (error) {
      endRunSpan(span, undefined, error);
      throw error;
    }
  }

  async function traceModelCall(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const span = tracer.startSpan(`chat ${call.request.modelId}`, { kind: SpanKind.CLIENT, attributes: modelRequestAttributes(call) });
    if (!span.isRecording()) {
      span.end();
      return next();
    }
    return ModelResult.observeCall(context.with(trace.setSpan(context.active(), span), next), {
      onResponse(response: ModelResponse) {
        span.setAttributes(modelResponseAttributes(response));
        if (call.state.responseCacheHit) span.setAttribute("sluice.response_cache.hit", true);
        if (call.state.contextReduced) span.setAttribute("sluice.context.reduced_messages", call.state.contextReduced.reducedMessageCount);
        span.end();
      },
      onError(error: unknown) {
        recordFailure(span, error);
        span.end();
      },
      onAbandon() {
        span.setAttribute("sluice.stream.abandoned", true);
        span.end();
      },
    });
  }

  async function traceToolCall(call: ToolCall, next: ToolNext): Promise<ToolCallOutcome> {
    const span = startToolSpan(tracer, call);
    if (!span.isRecording()) {
      span.end();
      return next();
    }
    try {
      const outcome = await context.with(trace.setSpan(context.active(), span), next);
      if (outcome.type === "interrupt") {
        span.setAttribute("sluice.tool.interrupted", true);
      } else if (outcome.status === "error") {
        span.setAttribute(GenAiAttributes.errorType, outcome.failure?.reason ?? "tool_error");
        span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.content.map((block) => block.text ?? "").join(" ") });
      }
      return outcome;
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  async function traceStep(call: StepCall, next: StepNext): Promise<StepOutcome> {
    const span = tracer.startSpan(call.kind === "workflow" ? `workflow ${call.name}` : `step ${call.path}`, {
      kind: SpanKind.INTERNAL,
      attributes: {
        "sluice.workflow.name": call.workflow,
        "sluice.workflow.run_id": call.runId,
        "sluice.step.path": call.path,
        "sluice.step.name": call.name,
        "sluice.step.kind": call.kind,
        ...(call.resuming && { "sluice.step.resuming": true }),
      },
    });
    if (!span.isRecording()) {
      span.end();
      return next();
    }
    try {
      const outcome = await context.with(trace.setSpan(context.active(), span), next);
      if (outcome.type === "paused") span.setAttributes({ "sluice.step.paused": true, "sluice.step.pause_reason": outcome.reason });
      return outcome;
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  return {
    name: "tracing",
    model: traceModelCall,
    tool: traceToolCall,
    ...(options.runs !== false && { run: traceRun }),
    ...(options.steps !== false && { step: traceStep }),
  };
}

function startToolSpan(tracer: Tracer, call: ToolCall): Span {
  return tracer.startSpan(`execute_tool ${call.name}`, {
    kind: openTelemetry().SpanKind.INTERNAL,
    attributes: {
      [GenAiAttributes.operationName]: "execute_tool",
      [GenAiAttributes.providerName]: bedrockProviderName,
      [GenAiAttributes.toolName]: call.name,
      [GenAiAttributes.toolCallId]: call.toolUseId,
      [GenAiAttributes.toolType]: "function",
      ...(call.tool?.description && { [GenAiAttributes.toolDescription]: call.tool.description }),
      "sluice.step": call.step,
      "sluice.run_id": call.runId,
    },
  });
}
