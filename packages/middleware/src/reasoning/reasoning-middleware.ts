import {
  ConfigurationError,
  defaultCapabilityRegistry,
  type MiddlewareObject,
  type ModelCall,
  ModelCapabilityError,
  ModelCapabilityRegistry,
  type ModelNext,
  type ModelRequest,
  type ModelResult,
} from "@sluice/core";

/** How hard a current Claude model works on an answer (`outputConfig.effort`); `high` is the model's default. */
export type ReasoningEffort = "low" | "medium" | "high" | "xhigh" | "max";

/**
 * Claude's reasoning settings, typed: `adaptive` (Claude 4.6 and later: the model decides how much
 * to think, steered by `effort`), `enabled` with a token budget (Claude 3.7 up to 4.6), or
 * `disabled`. `effort` alone (without `thinking`) bounds the work of models that take it.
 */
export interface ReasoningOptions {
  thinking?: { type: "adaptive" } | { type: "enabled"; budgetTokens: number } | { type: "disabled" };
  effort?: ReasoningEffort;
  /** Where the models' reasoning capabilities are looked up. Default `defaultCapabilityRegistry`. */
  registry?: ModelCapabilityRegistry;
}

const owner = "reasoningMiddleware";
const efforts: readonly ReasoningEffort[] = ["low", "medium", "high", "xhigh", "max"];

function check(options: ReasoningOptions): void {
  if (typeof options !== "object" || options === null) throw new ConfigurationError(`${owner} takes an options object such as { thinking: { type: "adaptive" }, effort: "medium" }.`);
  const unknown = Object.keys(options).filter((key) => !["thinking", "effort", "registry"].includes(key));
  if (unknown.length > 0) throw new ConfigurationError(`${owner}: unknown option${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; it takes thinking, effort and registry.`);
  const { thinking, effort } = options;
  if (thinking !== undefined) {
    const type = (thinking as { type?: unknown })?.type;
    if (type !== "adaptive" && type !== "enabled" && type !== "disabled") {
      throw new ConfigurationError(`${owner}: thinking.type is ${JSON.stringify(type)}; use "adaptive", "enabled" (with budgetTokens) or "disabled".`);
    }
    if (type === "enabled") {
      const budget = (thinking as { budgetTokens?: unknown }).budgetTokens;
      if (typeof budget !== "number" || !Number.isInteger(budget) || budget < 1024) {
        throw new ConfigurationError(`${owner}: thinking.budgetTokens is ${String(budget)}; Claude takes a whole number of at least 1024.`);
      }
    }
  }
  if (effort !== undefined && !efforts.includes(effort)) throw new ConfigurationError(`${owner}: effort is ${JSON.stringify(effort)}; use one of ${efforts.join(", ")}.`);
  if (options.registry !== undefined && !(options.registry instanceof ModelCapabilityRegistry)) throw new ConfigurationError(`${owner}: registry must be a ModelCapabilityRegistry.`);
}

/**
 * Sets Claude's reasoning on every model call from typed options: `thinking` goes into
 * `additionalModelRequestFields.thinking` (as `{ type: "adaptive" }` or `{ type: "enabled",
 * budget_tokens }`), `effort` into Converse's `outputConfig.effort`. A model without the
 * capability (no reasoning, no adaptive thinking, no effort, per the model capability registry)
 * fails with a `ModelCapabilityError` before the call instead of a service error.
 *
 * @example
 * new Agent({ modelId: "us.anthropic.claude-opus-4-6-v1", middleware: [reasoningMiddleware({ thinking: { type: "adaptive" }, effort: "medium" })] });
 */
export function reasoningMiddleware(options: ReasoningOptions): MiddlewareObject {
  check(options);
  const { thinking, effort } = options;
  const registry = options.registry ?? defaultCapabilityRegistry;

  async function reasoning(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const { modelId } = call.request;
    const capability = (await registry.resolve(modelId)).capabilities.reasoning;
    const wanted = thinking?.type === "disabled" ? undefined : thinking?.type;
    if ((wanted !== undefined || effort !== undefined) && capability === undefined) {
      throw new ModelCapabilityError(modelId, "reasoning", `${modelId} has no extended thinking or effort setting. Remove reasoningMiddleware for this model, or use Claude 3.7 Sonnet or later.`);
    }
    if (wanted !== undefined && capability !== undefined && !capability.modes.includes(wanted)) {
      const instead = capability.modes.includes("adaptive") ? '{ type: "adaptive" } with effort' : '{ type: "enabled", budgetTokens }';
      throw new ModelCapabilityError(modelId, `reasoning.${wanted}`, `${modelId} does not take ${wanted} thinking; use thinking: ${instead}.`);
    }
    if (effort !== undefined && capability?.effort !== true) {
      throw new ModelCapabilityError(modelId, "reasoning.effort", `${modelId} has no effort setting (Claude 4.6 and later have it); use thinking: { type: "enabled", budgetTokens } to bound its reasoning.`);
    }
    const fields = { ...(call.request.additionalModelRequestFields as Record<string, unknown> | undefined) };
    if (thinking !== undefined) fields["thinking"] = thinking.type === "enabled" ? { type: "enabled", budget_tokens: thinking.budgetTokens } : { type: thinking.type };
    const request: ModelRequest = {
      ...call.request,
      ...(thinking !== undefined && { additionalModelRequestFields: fields as ModelRequest["additionalModelRequestFields"] }),
      ...(effort !== undefined && { outputConfig: { ...call.request.outputConfig, effort } }),
    };
    return next(request);
  }

  return { name: "reasoning", model: reasoning };
}
