import type { ModelMiddleware } from "./model-middleware.js";
import type { RunMiddleware } from "./run-middleware.js";
import type { StepMiddleware } from "./step-middleware.js";
import type { ToolMiddleware } from "./tool-middleware.js";

/**
 * A middleware that may wrap both model calls and tool calls (logging, tracing). A plain
 * `ModelMiddleware` function is accepted wherever a `Middleware` is.
 *
 * @example
 * const timing: Middleware = {
 *   name: "timing",
 *   model: async (call, next) => { const started = Date.now(); const result = await next();
 *     return result.observe({ onResponse: () => console.log(Date.now() - started) }); },
 * };
 */
export interface MiddlewareObject {
  /** Shown in errors and logs. */
  readonly name?: string;
  readonly model?: ModelMiddleware;
  readonly tool?: ToolMiddleware;
  /** Wraps each whole agent run. */
  readonly run?: RunMiddleware;
  /** Wraps each workflow step (`@sluice/workflows`); agents ignore it. */
  readonly step?: StepMiddleware;
}

/** An entry of an agent's `middleware` list: a model-call function, or an object with run, model and tool hooks. */
export type Middleware = ModelMiddleware | MiddlewareObject;

/** Splits a middleware list into the run, model-call and tool-call layers, keeping order. */
export function splitMiddleware(middleware: readonly Middleware[]): {
  run: RunMiddleware[];
  model: ModelMiddleware[];
  tool: ToolMiddleware[];
} {
  const run: RunMiddleware[] = [];
  const model: ModelMiddleware[] = [];
  const tool: ToolMiddleware[] = [];
  for (const entry of middleware) {
    if (typeof entry === "function") {
      model.push(entry);
      continue;
    }
    if (entry.model) model.push(named(entry.model, entry.name));
    if (entry.tool) tool.push(named(entry.tool, entry.name));
    if (entry.run) run.push(named(entry.run, entry.name));
  }
  return { run, model, tool };
}

function named<T extends (...args: never[]) => unknown>(layer: T, name: string | undefined): T {
  if (!name || layer.name === name) return layer;
  // Object hooks are often anonymous arrows; give them the object's name for error messages.
  Object.defineProperty(layer, "name", { value: name, configurable: true });
  return layer;
}
