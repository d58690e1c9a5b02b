import { listFamilyResolver, resolveFamily } from "../families/resolve-family.js";
import { loadScriptFile } from "../scripts/load-script-file.js";
import type { ScriptDefinition } from "../scripts/script-types.js";
import { EmulatorConfigurationError } from "../errors/emulator-configuration-error.js";
import { DualProtocolServer } from "./dual-protocol-server.js";
import type { Emulator } from "./emulator.js";
import { clientOptionsFor, environmentFor } from "./emulator-client-options.js";
import type { EmulatorOptions } from "./emulator-options.js";
import { InferenceProfileRegistry } from "../profiles/inference-profile-registry.js";
import { ApiKeys } from "./api-keys.js";
import { EmulatorState } from "./emulator-state.js";
import { handleRequest } from "./handle-request.js";

/**
 * Starts a local Bedrock Runtime emulator: Converse, ConverseStream, InvokeModel,
 * InvokeModelWithResponseStream and CountTokens over HTTP/1.1 and h2c on one port, answered by a
 * scripted model (echo by default), with fault injection and request inspection; on the same port
 * the control plane's inference-profile operations.
 *
 * @example
 * const emulator = await startEmulator({ script: { turns: [{ text: "Hi!" }] } });
 * console.log(emulator.url); // http://127.0.0.1:53817
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new EmulatorConfigurationError(`port must be an integer between 0 and 65535, got ${String(port)}`);
  }
  const { keepAliveTimeoutMs } = options;
  if (keepAliveTimeoutMs !== undefined && (!Number.isInteger(keepAliveTimeoutMs) || keepAliveTimeoutMs < 0)) {
    throw new EmulatorConfigurationError(`keepAliveTimeoutMs must be a whole number of milliseconds ≥ 0, got ${String(keepAliveTimeoutMs)}`);
  }
  const fromFile = options.scriptFile === undefined ? {} : await loadScriptFile(options.scriptFile);
  const script = combineScripts(fromFile, options.script ?? {});
  const { faults: scriptFaults, streaming: scriptStreaming, ...turnsAndRules } = script;
  const state = new EmulatorState(
    {
      script: turnsAndRules,
      faults: [...(scriptFaults ?? []), ...(options.faults ?? [])],
      streaming: { ...scriptStreaming, ...options.streaming },
    },
    options.families === undefined ? resolveFamily : listFamilyResolver(options.families),
    options.models ?? {},
    options.requireAuthorization ?? false,
    options.maxRecordedRequests ?? 10_000,
    new InferenceProfileRegistry({ region: options.region ?? "us-east-1", accountId: options.accountId ?? "123456789012" }, options.inferenceProfiles ?? []),
    new ApiKeys(options.apiKeys ?? [], options.now),
    options.modelCapabilities ?? {},
    options.now,
  );
  const shutdown = new AbortController();
  const server = new DualProtocolServer((request, response) => {
    void handleRequest(state, shutdown.signal, request, response);
  }, keepAliveTimeoutMs);
  const address = await server.listen(port, host);
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}`;
  return {
    url,
    host: address.address,
    port: address.port,
    get clientOptions() {
      return clientOptionsFor(url);
    },
    get environment() {
      return environmentFor(url);
    },
    get requests() {
      return state.log.all();
    },
    get listening() {
      return server.listening;
    },
    get connectionCount() {
      return server.connectionCount;
    },
    script: (definition) => state.applyScript(definition),
    enqueue: (replies, modelId) => state.scriptedModel.enqueue(replies, modelId),
    addRule: (rule) => state.scriptedModel.addRule(rule),
    pendingTurns: (modelId) => state.scriptedModel.pendingTurns(modelId),
    injectFault: (rule) => state.faults.add(rule),
    removeFault: (id) => state.faults.remove(id),
    clearFaults: () => state.faults.clear(),
    get faults() {
      return state.faults.list();
    },
    setStreaming: (streaming) => state.setStreaming(streaming),
    createInferenceProfile: (declaration) => state.profiles.create(declaration),
    get inferenceProfiles() {
      return state.profiles.list();
    },
    clearRequests: () => state.log.clear(),
    reset: () => state.reset(),
    close: async () => {
      shutdown.abort();
      await server.close();
    },
  };
}

function combineScripts(first: ScriptDefinition, second: ScriptDefinition): ScriptDefinition {
  return {
    turns: [...(first.turns ?? []), ...(second.turns ?? [])],
    rules: [...(first.rules ?? []), ...(second.rules ?? [])],
    models: { ...first.models, ...second.models },
    faults: [...(first.faults ?? []), ...(second.faults ?? [])],
    streaming: { ...first.streaming, ...second.streaming },
  };
}
