import { checkSystemBlocks, describe, isPlainObject } from "../conversation/content-rules.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { checkMiddlewareList } from "../middleware/check-middleware.js";
import { serviceTierNames } from "../models/model-capabilities.js";
import { closest } from "./closest-name.js";
import type { AgentOptions } from "./agent-options.js";
import { checkApiKey, type BedrockClientOptions } from "../client/create-bedrock-client.js";

/** The keys `clientOptions` takes, checked against `BedrockClientOptions` by the compiler. */
const clientOptionKeySet: Record<keyof BedrockClientOptions, true> = { region: true, credentials: true, endpoint: true, maxAttempts: true, requestHandler: true, maxSockets: true, apiKey: true };
export const clientOptionKeys = Object.keys(clientOptionKeySet) as ReadonlyArray<keyof BedrockClientOptions>;

type OptionCheck<Key extends keyof AgentOptions> = (value: NonNullable<AgentOptions[Key]>, options: AgentOptions) => void;

function fail(message: string): never {
  throw new ConfigurationError(message);
}

/**
 * The check of every agent option's value, by key: a wrong value fails at construction with what
 * to pass instead, never later on the network (or, for a misspelt `clientOptions.endpoint`,
 * against real AWS). Typed over every key of `AgentOptions`, so an option without a check (or a
 * check without an option) fails the type check; the keys are also the list of known options.
 * Only the options given are checked.
 */
export const optionChecks: { readonly [Key in keyof AgentOptions]-?: OptionCheck<Key> } = {
  modelId: () => {}, // checked with the model ID registered in a container (validateModelId)
  client: (client) => {
    if (typeof client !== "object" || client === null || typeof (client as { send?: unknown }).send !== "function") {
      fail("client must be a BedrockRuntimeClient (an object with send()); pass clientOptions to let Sluice build one.");
    }
  },
  clientOptions: (clientOptions) => checkClientOptions(clientOptions),
  model: (model) => {
    if (typeof model !== "object" || model === null || typeof model.converse !== "function" || typeof model.converseStream !== "function") {
      fail("model must implement converse() and converseStream() (a Model such as ConverseModel or invokeModel()).");
    }
  },
  system: (system) => {
    if (typeof system === "string") {
      if (system.trim() === "") fail("system is blank; Bedrock refuses blank text. Omit it or give it text.");
    } else {
      const problem = checkSystemBlocks(system);
      if (problem) fail(problem);
    }
  },
  tools: (tools) => {
    if (!Array.isArray(tools)) fail(`tools is ${describe(tools)}; it must be an array of tools, e.g. tools: [getWeather].`);
    for (let index = 0; index < tools.length; index += 1) {
      const tool: unknown = tools[index];
      if (typeof tool !== "object" || tool === null || typeof (tool as { invoke?: unknown }).invoke !== "function") {
        fail(`tools[${index}] is ${typeof tool === "object" && tool !== null ? "not a tool" : describe(tool)}: a tool needs name, inputSchema and invoke(). Use defineTool() from @sluice/tools.`);
      }
    }
  },
  toolChoice: (value) => plainObject("toolChoice", value),
  middleware: (middleware) => checkMiddlewareList(middleware, "middleware"),
  inferenceConfig: (config) => validateInferenceConfig(config),
  additionalModelRequestFields: (value) => plainObject("additionalModelRequestFields", value),
  additionalModelResponseFieldPaths: (paths) => {
    if (!Array.isArray(paths) || paths.some((path) => typeof path !== "string" || path === "")) {
      fail("additionalModelResponseFieldPaths must be an array of non-empty JSON pointer strings such as \"/stop_sequence\".");
    }
  },
  guardrailConfig: (value) => plainObject("guardrailConfig", value),
  promptVariables: (value) => plainObject("promptVariables", value),
  requestMetadata: (value) => plainObject("requestMetadata", value),
  performanceConfig: (value) => plainObject("performanceConfig", value),
  serviceTier: (value) => oneOf("serviceTier", value, serviceTierNames),
  maxSteps: (value) => positiveInteger("maxSteps", value),
  toolConcurrency: (value) => positiveInteger("toolConcurrency", value),
  toolExecution: (value) => oneOf("toolExecution", value, ["parallel", "sequential"]),
  toolTimeoutMs: (value) => positiveInteger("toolTimeoutMs", value),
  toolErrors: (value) => oneOf("toolErrors", value, ["model", "throw"]),
  concurrency: (value) => oneOf("concurrency", value, ["queue", "reject"]),
  logger: (logger) => {
    if (typeof logger !== "object" || logger === null || (["debug", "info", "warn", "error"] as const).some((level) => typeof logger[level] !== "function")) {
      fail("logger must have debug, info, warn and error methods (pino and consoleLogger() do).");
    }
  },
  container: (container) => {
    if (typeof container !== "object" || container === null || typeof container.resolve !== "function" || typeof container.isRegistered !== "function") {
      fail("container must be a tsyringe container, e.g. registerSluice() from \"@sluice/core/di\".");
    }
  },
  conversation: (conversation) => {
    if (typeof conversation !== "object" || conversation === null) fail("conversation must be a Conversation or the snapshot from conversation.snapshot().");
  },
  conversationId: (id) => {
    if (typeof id !== "string" || id === "") fail("conversationId must be a non-empty string.");
  },
  store: (store) => {
    if (typeof store !== "object" || store === null || typeof store.load !== "function" || typeof store.save !== "function") {
      fail("store must be a ConversationStore with load() and save(), e.g. new InMemoryConversationStore().");
    }
  },
  name: (name) => {
    if (typeof name !== "string") fail(`name is ${describe(name)}; it must be a string.`);
  },
  context: (value) => plainObject("context", value),
};

/** Checks Bedrock's bounds for the common inference parameters. */
export function validateInferenceConfig(config: unknown): void {
  if (!isPlainObject(config)) {
    fail(`inferenceConfig is ${describe(config)}; it must be an object such as { maxTokens: 512, temperature: 0.2 }.`);
  }
  const { maxTokens, temperature, topP, stopSequences } = config;
  if (maxTokens !== undefined && (!Number.isInteger(maxTokens) || (maxTokens as number) < 1)) {
    fail(`inferenceConfig.maxTokens is ${String(maxTokens)}; it must be a whole number of at least 1.`);
  }
  for (const [name, value] of [["temperature", temperature], ["topP", topP]] as const) {
    if (value !== undefined && (typeof value !== "number" || Number.isNaN(value) || value < 0 || value > 1)) {
      fail(`inferenceConfig.${name} is ${String(value)}; Bedrock accepts values from 0 to 1.`);
    }
  }
  if (stopSequences !== undefined && (!Array.isArray(stopSequences) || stopSequences.some((s) => typeof s !== "string" || s === ""))) {
    fail("inferenceConfig.stopSequences must be an array of non-empty strings.");
  }
  const known = ["maxTokens", "temperature", "topP", "stopSequences"];
  const unknown = Object.keys(config).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    fail(
      `Unknown inferenceConfig key${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Converse takes ${known.join(", ")}; ` +
        "send model-specific parameters (such as top_k) in additionalModelRequestFields.",
    );
  }
}

function plainObject(key: string, value: unknown): void {
  if (!isPlainObject(value)) fail(`${key} is ${describe(value)}; it must be an object.`);
}

function positiveInteger(name: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) fail(`${name} is ${String(value)}; it must be a whole number of at least 1.`);
}

function oneOf(name: string, value: unknown, allowed: readonly string[]): void {
  if (!allowed.includes(value as string)) fail(`${name} is ${JSON.stringify(value)}; use one of ${allowed.map((a) => `"${a}"`).join(", ")}.`);
}

/** `clientOptions` refuses unknown keys: a misspelt `endpoint` must never send traffic to real AWS. */
function checkClientOptions(clientOptions: unknown): void {
  if (!isPlainObject(clientOptions)) fail(`clientOptions is ${describe(clientOptions)}; it must be an object such as { region: "us-east-1" }.`);
  const unknown = Object.keys(clientOptions).filter((key) => !(clientOptionKeys as readonly string[]).includes(key));
  if (unknown.length > 0) {
    const hints = unknown.map((key) => closest(key, clientOptionKeys)).filter(Boolean);
    fail(
      `Unknown clientOptions key${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.` +
        (hints.length > 0 ? ` Did you mean ${hints.join(", ")}?` : "") +
        ` Known keys: ${clientOptionKeys.join(", ")}. For anything else, build the client yourself and pass it as client.`,
    );
  }
  checkApiKey(clientOptions as BedrockClientOptions);
  const { region, endpoint, maxAttempts, maxSockets } = clientOptions;
  if (region !== undefined && (typeof region !== "string" || region === "")) fail("clientOptions.region must be a region name such as \"us-east-1\".");
  if (endpoint !== undefined && (typeof endpoint !== "string" || !/^https?:\/\/./.test(endpoint))) {
    fail(`clientOptions.endpoint is ${JSON.stringify(endpoint)}; it must be a URL such as "http://127.0.0.1:4599".`);
  }
  for (const [key, value] of [["maxAttempts", maxAttempts], ["maxSockets", maxSockets]] as const) {
    if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < 1)) {
      fail(`clientOptions.${key} is ${String(value)}; it must be a whole number of at least 1.`);
    }
  }
}
