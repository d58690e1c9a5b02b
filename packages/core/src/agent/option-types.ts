import { checkSystemBlocks, describe, isPlainObject } from "../conversation/content-rules.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { checkMiddlewareList } from "../middleware/check-middleware.js";
import { closest } from "./closest-name.js";
import type { AgentOptions } from "./agent-options.js";
import type { BedrockClientOptions } from "../client/create-bedrock-client.js";

/** The keys `clientOptions` takes, checked against `BedrockClientOptions` by the compiler. */
const clientOptionKeySet: Record<keyof BedrockClientOptions, true> = { region: true, credentials: true, endpoint: true, maxAttempts: true, requestHandler: true, maxSockets: true, apiKey: true };
export const clientOptionKeys = Object.keys(clientOptionKeySet) as ReadonlyArray<keyof BedrockClientOptions>;

/**
 * Checks the type of every agent option, so a wrong value fails at construction with what to
 * pass instead, never later on the network (or, for a misspelt `clientOptions.endpoint`, against
 * real AWS).
 *
 * @example
 * checkOptionTypes({ tools: weather }); // ConfigurationError: tools must be an array of tools ...
 */
export function checkOptionTypes(options: AgentOptions): void {
  const fail = (message: string): never => {
    throw new ConfigurationError(message);
  };
  const { system, tools, middleware, client, clientOptions, model, logger, store, conversationId, name } = options;
  if (system !== undefined) {
    if (typeof system === "string") {
      if (system.trim() === "") fail("system is blank; Bedrock refuses blank text. Omit it or give it text.");
    } else {
      const problem = checkSystemBlocks(system);
      if (problem) fail(problem);
    }
  }
  if (tools !== undefined) {
    if (!Array.isArray(tools)) fail(`tools is ${describe(tools)}; it must be an array of tools, e.g. tools: [getWeather].`);
    tools.forEach((tool, index) => {
      if (typeof tool !== "object" || tool === null || typeof (tool as { invoke?: unknown }).invoke !== "function") {
        fail(`tools[${index}] is ${typeof tool === "object" && tool !== null ? "not a tool" : describe(tool)}: a tool needs name, inputSchema and invoke(). Use defineTool() from @sluice/tools.`);
      }
    });
  }
  if (middleware !== undefined) checkMiddlewareList(middleware, "middleware");
  if (client !== undefined && (typeof client !== "object" || client === null || typeof (client as { send?: unknown }).send !== "function")) {
    fail("client must be a BedrockRuntimeClient (an object with send()); pass clientOptions to let Sluice build one.");
  }
  if (clientOptions !== undefined) checkClientOptions(clientOptions);
  if (model !== undefined && (typeof model !== "object" || model === null || typeof model.converse !== "function" || typeof model.converseStream !== "function")) {
    fail("model must implement converse() and converseStream() (a Model such as ConverseModel or invokeModel()).");
  }
  if (logger !== undefined && (typeof logger !== "object" || logger === null || (["debug", "info", "warn", "error"] as const).some((level) => typeof logger[level] !== "function"))) {
    fail("logger must have debug, info, warn and error methods (pino and consoleLogger() do).");
  }
  if (store !== undefined && (typeof store !== "object" || store === null || typeof store.load !== "function" || typeof store.save !== "function")) {
    fail("store must be a ConversationStore with load() and save(), e.g. new InMemoryConversationStore().");
  }
  if (conversationId !== undefined && (typeof conversationId !== "string" || conversationId === "")) fail("conversationId must be a non-empty string.");
  if (name !== undefined && typeof name !== "string") fail(`name is ${describe(name)}; it must be a string.`);
  for (const key of ["requestMetadata", "promptVariables", "guardrailConfig", "performanceConfig", "toolChoice", "additionalModelRequestFields"] as const) {
    if (options[key] !== undefined && !isPlainObject(options[key])) fail(`${key} is ${describe(options[key])}; it must be an object.`);
  }
  const paths = options.additionalModelResponseFieldPaths;
  if (paths !== undefined && (!Array.isArray(paths) || paths.some((path) => typeof path !== "string" || path === ""))) {
    fail("additionalModelResponseFieldPaths must be an array of non-empty JSON pointer strings such as \"/stop_sequence\".");
  }
  const conversation = options.conversation;
  if (conversation !== undefined && (typeof conversation !== "object" || conversation === null)) {
    fail("conversation must be a Conversation or the snapshot from conversation.snapshot().");
  }
}

/** `clientOptions` refuses unknown keys: a misspelt `endpoint` must never send traffic to real AWS. */
function checkClientOptions(clientOptions: unknown): void {
  if (!isPlainObject(clientOptions)) throw new ConfigurationError(`clientOptions is ${describe(clientOptions)}; it must be an object such as { region: "us-east-1" }.`);
  const unknown = Object.keys(clientOptions).filter((key) => !(clientOptionKeys as readonly string[]).includes(key));
  if (unknown.length > 0) {
    const hints = unknown.map((key) => closest(key, clientOptionKeys)).filter(Boolean);
    throw new ConfigurationError(
      `Unknown clientOptions key${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.` +
        (hints.length > 0 ? ` Did you mean ${hints.join(", ")}?` : "") +
        ` Known keys: ${clientOptionKeys.join(", ")}. For anything else, build the client yourself and pass it as client.`,
    );
  }
  const { region, endpoint, maxAttempts, maxSockets, apiKey, credentials } = clientOptions;
  if (apiKey !== undefined && apiKey !== false && (typeof apiKey !== "string" || apiKey.trim() === "")) {
    throw new ConfigurationError("clientOptions.apiKey must be a non-empty string (a Bedrock API key), or false to sign with credentials.");
  }
  if (typeof apiKey === "string" && credentials !== undefined) {
    throw new ConfigurationError("Pass either clientOptions.apiKey or clientOptions.credentials, not both: a request is authenticated one way.");
  }
  if (region !== undefined && (typeof region !== "string" || region === "")) throw new ConfigurationError("clientOptions.region must be a region name such as \"us-east-1\".");
  if (endpoint !== undefined && (typeof endpoint !== "string" || !/^https?:\/\/./.test(endpoint))) {
    throw new ConfigurationError(`clientOptions.endpoint is ${JSON.stringify(endpoint)}; it must be a URL such as "http://127.0.0.1:4599".`);
  }
  for (const [key, value] of [["maxAttempts", maxAttempts], ["maxSockets", maxSockets]] as const) {
    if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < 1)) {
      throw new ConfigurationError(`clientOptions.${key} is ${String(value)}; it must be a whole number of at least 1.`);
    }
  }
}
