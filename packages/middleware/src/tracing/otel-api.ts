import { createRequire } from "node:module";
import type * as OpenTelemetryApi from "@opentelemetry/api";
import { ConfigurationError } from "@sluice/core";

let loaded: typeof OpenTelemetryApi | undefined;

/**
 * `@opentelemetry/api`, loaded when tracing is first set up rather than when
 * `@sluice/middleware` is imported: most of its users never trace, and the API takes about 20 ms
 * to load. Loaded with `require` so that `tracingMiddleware()` and `traceAgentRun()` stay
 * synchronous; the API keeps its registered provider and context manager on `globalThis`, so
 * this copy and the one your app imports share them.
 */
export function openTelemetry(): typeof OpenTelemetryApi {
  if (loaded) return loaded;
  try {
    return (loaded = createRequire(import.meta.url)("@opentelemetry/api") as typeof OpenTelemetryApi);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "MODULE_NOT_FOUND") throw error;
    throw new ConfigurationError("Tracing needs @opentelemetry/api (a peer dependency of @sluice/middleware): npm install @opentelemetry/api");
  }
}
