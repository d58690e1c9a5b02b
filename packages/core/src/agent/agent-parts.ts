import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { DependencyContainer, InjectionToken } from "tsyringe";
import { createBedrockClient, usesEnvironmentApiKey } from "../client/create-bedrock-client.js";
import type { ConversationStore } from "../conversation/conversation-store.js";
import { Tokens } from "../di/tokens.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { systemClock, type Clock } from "../logging/clock.js";
import { silentLogger, type Logger } from "../logging/logger.js";
import { redactingLogger } from "../logging/redacting-logger.js";
import { checkMiddlewareList } from "../middleware/check-middleware.js";
import { compose, createModelPipeline, type WrapPoint } from "../middleware/compose.js";
import { splitMiddleware } from "../middleware/middleware.js";
import { ConverseModel } from "../model/converse-model.js";
import type { Model } from "../model/model.js";
import type { ToolRegistry } from "../tools/tool-registry.js";
import { requestBaseOf } from "./agent-configuration.js";
import { defaultMaxSteps, defaultToolConcurrency, defaultToolTimeoutMs, type AgentOptions } from "./agent-options.js";
import type { AgentResult } from "./agent-result.js";
import type { Run, RunWiring } from "./run.js";
import type { ServiceResolver } from "./run-context.js";
import { ToolExecutor } from "./tool-executor.js";

/** What an agent's wiring holds: built at its first run, fixed for its life. */
export interface AgentWiring extends RunWiring {
  model: Model;
  /** The Bedrock client the agent's `ConverseModel` sends through, when the agent built that model. */
  client: BedrockRuntimeClient | undefined;
  /** The agent's records go through `logger`, which redacts; `resolve(Tokens.Logger)` gives this one. */
  unredacted: Logger;
  logger: Logger;
  clock: Clock;
  runLayers: (run: Run) => Promise<AgentResult>;
}

/**
 * An agent's parts apart from its conversation and events: its options, tools, model ID and
 * store, the wiring built at the first run, and the child container made on demand. Calls and
 * tools reach them through `resolve`, which holds these parts and not the agent: every call and
 * tool context carries `resolve`, and V8 pretenures some of those objects, so a `resolve` that
 * held the agent let one old object keep a whole agent (its conversation included) alive through
 * young collections (see docs/benchmarks.md, "Garbage collection and V8's pretenuring").
 */
export class AgentParts {
  /** Reaches these parts and the container, typed by token. */
  readonly resolve: ServiceResolver;
  private wiring: AgentWiring | undefined;
  private child: DependencyContainer | undefined;

  constructor(
    readonly options: AgentOptions,
    readonly modelId: string,
    readonly registry: ToolRegistry,
    readonly store: ConversationStore | undefined,
  ) {
    this.resolve = (token) => this.resolveService(token);
  }

  /** The wiring, built at its first use (so idle agents hold no model or pipelines). */
  wired(): AgentWiring {
    return (this.wiring ??= wire(this.options, this.modelId, this.registry));
  }

  /**
   * A child of the `container` option holding the agent's own parts (its tool registry, model, and
   * the logger and client of its options), made when first asked for; undefined without one.
   */
  get container(): DependencyContainer | undefined {
    const parent = this.options.container;
    if (!parent || this.child) return this.child;
    const { model, client } = this.wired();
    const child = parent.createChildContainer();
    child.register(Tokens.ToolRegistry, { useValue: this.registry });
    child.register(Tokens.Model, { useValue: model });
    if (this.options.logger) child.register(Tokens.Logger, { useValue: this.options.logger });
    if (client) child.register(Tokens.BedrockClient, { useValue: client });
    this.child = child;
    return child;
  }

  /**
   * What `resolve(token)` gives: from the agent's container when it has one; without one, the
   * agent's own parts (Sluice's tokens), and an error saying how to register anything else.
   */
  private resolveService<T>(token: InjectionToken<T>): T {
    const container = this.container;
    if (container) return container.resolve(token);
    const wiring = this.wired();
    const own: unknown =
      token === Tokens.ToolRegistry ? this.registry
      : token === Tokens.Model ? wiring.model
      : token === Tokens.Logger ? wiring.unredacted
      : token === Tokens.Clock ? wiring.clock
      : token === Tokens.ModelId ? this.modelId
      : token === Tokens.BedrockClient ? wiring.client
      : token === Tokens.ConversationStore ? this.store
      : token === Tokens.Middleware ? [...(this.options.middleware ?? [])]
      : undefined;
    if (own !== undefined) return own as T;
    throw new ConfigurationError(
      `Nothing is registered for ${String(token)}: this agent has no container. Register the service in a tsyringe container ` +
        '(registerSluice() from "@sluice/core/di" makes one) and pass it as new Agent({ container }).',
    );
  }
}

/** What `container` (or one of its parents) holds for `token`, or undefined. */
export function registered<T>(container: DependencyContainer | undefined, token: InjectionToken<T>): T | undefined {
  return container?.isRegistered(token, true) ? container.resolve(token) : undefined;
}

/**
 * Everything fixed for the agent's life: the model, the composed pipelines, the tool executor,
 * logger and clock. The options win, then the container, then Sluice's defaults.
 */
function wire(options: AgentOptions, modelId: string, registry: ToolRegistry): AgentWiring {
  const container = options.container;
  const registeredMiddleware = registered(container, Tokens.Middleware) ?? [];
  checkMiddlewareList(registeredMiddleware, "the middleware registered under Tokens.Middleware");
  const given = options.middleware ?? [];
  const middleware = registeredMiddleware.length + given.length === 0 ? noMiddleware : splitMiddleware([...registeredMiddleware, ...given]);
  // A client is built at the first run when neither the options nor the container give one.
  const ownClient = options.client ?? (options.clientOptions ? createBedrockClient(options.clientOptions) : undefined);
  let client = ownClient;
  const model: Model =
    options.model ??
    (ownClient ? undefined : registered(container, Tokens.Model)) ??
    converseModelOf((client ??= registered(container, Tokens.BedrockClient) ?? createBedrockClient()));
  const unredacted = options.logger ?? registered(container, Tokens.Logger) ?? silentLogger;
  const logger = redactingLogger(unredacted);
  const clock = registered(container, Tokens.Clock) ?? systemClock;
  // A client Sluice builds follows its clientOptions (explicit credentials or apiKey win); the
  // SDK's own clients prefer the variable whenever it is set. Only a logger can be told (and
  // reading the environment costs a call into Node per agent).
  const bearerFromEnvironment =
    unredacted !== silentLogger &&
    (options.clientOptions ? usesEnvironmentApiKey(options.clientOptions) : Boolean(process.env.AWS_BEARER_TOKEN_BEDROCK?.trim()));
  if (bearerFromEnvironment) {
    // Several clients let this variable silently replace SigV4 credentials; say so once.
    logger.info(
      { agent: options.name, modelId, auth: "bearer" },
      "AWS_BEARER_TOKEN_BEDROCK is set: the AWS SDK authenticates with this Bedrock API key instead of SigV4 credentials",
    );
  }
  return {
    model,
    client,
    logger,
    unredacted,
    clock,
    // The run middleware's innermost layer is the run's own loop.
    runLayers: compose(middleware.run, executeRun, runWrapPoint),
    requestBase: requestBaseOf(options, modelId),
    callModel: createModelPipeline(middleware.model, model),
    maxSteps: options.maxSteps ?? defaultMaxSteps,
    tools: new ToolExecutor({
      registry,
      middleware: middleware.tool,
      concurrency: options.toolExecution === "sequential" ? 1 : (options.toolConcurrency ?? defaultToolConcurrency),
      defaultTimeoutMs: options.toolTimeoutMs ?? defaultToolTimeoutMs,
      failuresAreFatal: options.toolErrors === "throw",
      clock,
    }),
  };
}

/** The wiring's split of an agent without middleware (most agents): shared, never changed. */
const noMiddleware: ReturnType<typeof splitMiddleware> = { run: [], model: [], tool: [] };

const executeRun = (run: Run): Promise<AgentResult> => run.execute();

const runWrapPoint: WrapPoint<Run, [], AgentResult> = {
  kind: "run",
  rebind: (run) => run,
  isResult: (value): value is AgentResult => typeof value === "object" && value !== null && typeof (value as AgentResult).status === "string",
  expected: "the AgentResult from next()",
};

/** One `ConverseModel` per client (it holds nothing else): agents built per request share it. */
const converseModels = new WeakMap<BedrockRuntimeClient, ConverseModel>();
function converseModelOf(client: BedrockRuntimeClient): ConverseModel {
  let model = converseModels.get(client);
  if (!model) converseModels.set(client, (model = new ConverseModel(client)));
  return model;
}
