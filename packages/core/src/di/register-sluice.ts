import "reflect-metadata";
import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { container as rootContainer, type DependencyContainer, instanceCachingFactory, instancePerContainerCachingFactory } from "tsyringe";
import { createBedrockClient, type BedrockClientOptions } from "../client/create-bedrock-client.js";
import type { ConversationStore } from "../conversation/conversation-store.js";
import { type Clock, systemClock } from "../logging/clock.js";
import { type Logger, silentLogger } from "../logging/logger.js";
import type { Middleware } from "../middleware/middleware.js";
import { ConverseModel } from "../model/converse-model.js";
import type { Model } from "../model/model.js";
import { Tokens } from "./tokens.js";

/** What `registerSluice` puts in a container; every part is optional and replaceable afterwards. */
export interface SluiceRegistration {
  modelId?: string;
  client?: BedrockRuntimeClient;
  clientOptions?: BedrockClientOptions;
  model?: Model;
  logger?: Logger;
  clock?: Clock;
  middleware?: Middleware[];
  store?: ConversationStore;
}

/**
 * Registers Sluice's parts in a tsyringe container, so every agent created with
 * `new Agent({ container })` shares them: the Bedrock client (built once, lazily), the model
 * (`ConverseModel` unless given), logger, clock, middleware and conversation store. Register
 * anything again afterwards to replace it.
 *
 * Without a container, it registers in a new child of tsyringe's root container and returns it,
 * so application code needs neither tsyringe imports nor `reflect-metadata` of its own.
 *
 * @example
 * const container = registerSluice({ modelId, clientOptions: { region: "us-east-1" } });
 * container.register(Tokens.Logger, { useValue: pino() });
 * const agent = new Agent({ container, system: "Be brief." });
 */
export function registerSluice(registration?: SluiceRegistration): DependencyContainer;
export function registerSluice(container: DependencyContainer, registration?: SluiceRegistration): DependencyContainer;
export function registerSluice(first?: DependencyContainer | SluiceRegistration, second?: SluiceRegistration): DependencyContainer {
  const given = isContainer(first);
  const container = given ? first : rootContainer.createChildContainer();
  const registration = (given ? second : first) ?? {};
  if (registration.modelId !== undefined) container.register(Tokens.ModelId, { useValue: registration.modelId });
  registerClient(container, registration.client, registration.clientOptions);
  registerModel(container, registration.model);
  container.register(Tokens.Logger, { useValue: registration.logger ?? silentLogger });
  container.register(Tokens.Clock, { useValue: registration.clock ?? systemClock });
  container.register(Tokens.Middleware, { useValue: registration.middleware ?? [] });
  if (registration.store) container.register(Tokens.ConversationStore, { useValue: registration.store });
  return container;
}

/** The given client, or one built (once, on first use) from `clientOptions`. */
function registerClient(container: DependencyContainer, client: BedrockRuntimeClient | undefined, clientOptions: BedrockClientOptions | undefined): void {
  if (client) container.register(Tokens.BedrockClient, { useValue: client });
  else container.register(Tokens.BedrockClient, { useFactory: instanceCachingFactory(() => createBedrockClient(clientOptions)) });
}

/** The given model, or a `ConverseModel` per container over the registered client. */
function registerModel(container: DependencyContainer, model: Model | undefined): void {
  if (model) container.register(Tokens.Model, { useValue: model });
  else container.register(Tokens.Model, { useFactory: instancePerContainerCachingFactory((scope) => new ConverseModel(scope.resolve(Tokens.BedrockClient))) });
}

function isContainer(value: unknown): value is DependencyContainer {
  return typeof value === "object" && value !== null && typeof (value as DependencyContainer).resolve === "function" && typeof (value as DependencyContainer).register === "function";
}
