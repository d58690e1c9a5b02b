import type { DependencyContainer } from "tsyringe";
import type { RunContext, ServiceResolver } from "../agent/run-context.js";
import { Tokens } from "../di/tokens.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { systemClock } from "../logging/clock.js";
import { silentLogger } from "../logging/logger.js";
import type { ModelCall } from "../middleware/model-middleware.js";
import type { ModelRequest } from "../model/model.js";
import type { ToolContext } from "../tools/agent-tool.js";

/** Where the services of a test call come from. */
export interface TestServices {
  /**
   * The container `resolve` reads. Default: none; `resolve` then gives a silent logger and the
   * system clock, and refuses other tokens.
   */
  container?: DependencyContainer;
}

/**
 * A ready `ToolContext` for calling a tool directly in a unit test, without an agent: a signal
 * that never aborts, step 1, an empty run context. Override any field.
 *
 * @example
 * const output = await getWeather.invoke({ city: "Oslo" }, toolContext());
 * const withUser = toolContext({ context: { userId: "u-1" } });
 */
export function toolContext(overrides: Partial<ToolContext> & TestServices = {}): ToolContext {
  const { container, ...fields } = overrides;
  return {
    signal: new AbortController().signal,
    toolUseId: "tooluse_test_1",
    step: 1,
    runId: "run-test-1",
    context: {} as RunContext,
    resolve: resolverFor(container),
    ...fields,
  };
}

/**
 * A model call as the agent hands it to a middleware (step 1, fresh state), for unit tests that
 * run a model middleware without an agent. The request defaults to one user message.
 *
 * @example
 * const result = await myMiddleware(modelCall({ streaming: true }), async () => ModelResult.fromResponse(response));
 */
export function modelCall(overrides: Partial<ModelCall> & TestServices = {}): ModelCall {
  const { container, ...fields } = overrides;
  const request: ModelRequest = { modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user", content: [{ text: "hi" }] }] };
  return {
    request,
    streaming: false,
    signal: new AbortController().signal,
    state: {},
    step: 1,
    runId: "run-test-1",
    context: {} as RunContext,
    resolve: resolverFor(container),
    ...fields,
  };
}

function resolverFor(container: DependencyContainer | undefined): ServiceResolver {
  if (container) return (token) => container.resolve(token);
  return (token) => {
    if (token === Tokens.Logger) return silentLogger as never;
    if (token === Tokens.Clock) return systemClock as never;
    throw new ConfigurationError(`Nothing is registered for ${String(token)}: pass a container that holds it, e.g. toolContext({ container }).`);
  };
}
