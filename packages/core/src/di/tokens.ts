import type { InjectionToken } from "tsyringe";
import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { Clock } from "../logging/clock.js";
import type { Logger } from "../logging/logger.js";
import type { Middleware } from "../middleware/middleware.js";
import type { Model } from "../model/model.js";
import type { ConversationStore } from "../conversation/conversation-store.js";
import type { ToolRegistry } from "../tools/tool-registry.js";

/**
 * Every dependency-injection token of `@sluice/core`, in one place. Register your own value or
 * class under a token to replace that part.
 *
 * @example
 * container.register(Tokens.Logger, { useValue: pinoLogger });
 * container.register(Tokens.Model, { useClass: MyModel });
 */
export const Tokens = {
  /** The `BedrockRuntimeClient` that `ConverseModel` sends through. */
  BedrockClient: Symbol.for("sluice.BedrockClient") as InjectionToken<BedrockRuntimeClient>,
  /** The default model ID for agents built in this container (`registerSluice({ modelId })`). */
  ModelId: Symbol.for("sluice.ModelId") as InjectionToken<string>,
  /** The `Model` that answers the agent's requests (default: `ConverseModel`). */
  Model: Symbol.for("sluice.Model") as InjectionToken<Model>,
  /** Extra middleware, `Middleware[]`, run outside the agent's own `middleware` option. */
  Middleware: Symbol.for("sluice.Middleware") as InjectionToken<Middleware[]>,
  /** Where diagnostic records go (default: a logger that drops everything). */
  Logger: Symbol.for("sluice.Logger") as InjectionToken<Logger>,
  /** The time source (default: `Date.now`). */
  Clock: Symbol.for("sluice.Clock") as InjectionToken<Clock>,
  /** The tools the agent may call. */
  ToolRegistry: Symbol.for("sluice.ToolRegistry") as InjectionToken<ToolRegistry>,
  /** Where conversations are saved between runs, by conversation ID. */
  ConversationStore: Symbol.for("sluice.ConversationStore") as InjectionToken<ConversationStore>,
} as const;
