import { describe } from "../conversation/content-rules.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { closest } from "../agent/closest-name.js";

/** The keys of a middleware object. */
const middlewareKeys = ["name", "model", "tool", "run", "step"] as const;
const hookKeys = ["model", "tool", "run", "step"] as const;

/**
 * Checks a middleware list: each entry a function (a model middleware) or an object with
 * `name`, `model`, `tool`, `run` and `step` (at least one hook, each a function). A function under a name
 * close to a hook (`tools`, `modle`) fails with a did-you-mean instead of silently never running.
 *
 * @example
 * checkMiddlewareList([{ name: "log", tools: logTool }], "middleware"); // ConfigurationError: ... Did you mean "tool"?
 */
export function checkMiddlewareList(middleware: unknown, where: string): void {
  if (!Array.isArray(middleware)) {
    throw new ConfigurationError(`${where} is ${describe(middleware)}; it must be an array of middleware, e.g. middleware: [retryMiddleware()].`);
  }
  middleware.forEach((entry: unknown, index) => {
    const at = `${where}[${index}]`;
    if (typeof entry === "function") return;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new ConfigurationError(`${at} is ${describe(entry)}; a middleware is a function (call, next) => ... or an object { name?, model?, tool?, run?, step? }.`);
    }
    const label = typeof (entry as { name?: unknown }).name === "string" ? ` ("${(entry as { name: string }).name}")` : "";
    // Extra members (a middleware's own API, such as usage totals) are allowed; a function under a
    // name close to a hook is a misspelt hook that would silently never run.
    for (const key of Object.keys(entry)) {
      if ((middlewareKeys as readonly string[]).includes(key)) continue;
      const hint = closest(key, hookKeys);
      if (hint && typeof (entry as Record<string, unknown>)[key] === "function") {
        throw new ConfigurationError(`${at}${label} has the unknown hook "${key}". Did you mean "${hint}"? A middleware object has ${middlewareKeys.join(", ")}.`);
      }
    }
    const record = entry as Record<string, unknown>;
    for (const hook of hookKeys) {
      if (record[hook] !== undefined && typeof record[hook] !== "function") {
        throw new ConfigurationError(`${at}${label}.${hook} is ${describe(record[hook])}; it must be a function (call, next) => ...`);
      }
    }
    if (record["name"] !== undefined && typeof record["name"] !== "string") throw new ConfigurationError(`${at}.name must be a string.`);
    if (hookKeys.every((hook) => record[hook] === undefined)) {
      throw new ConfigurationError(`${at}${label} has no hook; give it model, tool or run (or step, to wrap workflow steps).`);
    }
  });
}
