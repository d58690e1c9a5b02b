import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { type BedrockClientOptions, createBedrockClient } from "@sluice/core";
import { InvokeModelModel, type InvokeModelModelOptions } from "./invoke-model-model.js";

/** Options of {@link invokeModel}: a client or the options to build one, plus the model options. */
export interface InvokeModelOptions extends InvokeModelModelOptions {
  /** The client to send through. Default: one built by `createBedrockClient(clientOptions)`. */
  client?: BedrockRuntimeClient;
  /** How to build the client when `client` is not given. */
  clientOptions?: BedrockClientOptions;
}

/**
 * Selects InvokeModel for an agent: returns the `Model` to pass as the agent's `model`
 * (Converse is what an agent uses without one).
 *
 * @example
 * const agent = new Agent({ modelId: "us.meta.llama3-3-70b-instruct-v1:0", model: invokeModel({ clientOptions: { region: "us-east-1" } }) });
 * const imported = invokeModel({ family: "meta-llama" }); // for an imported-model ARN
 */
export function invokeModel(options: InvokeModelOptions = {}): InvokeModelModel {
  const { client, clientOptions, ...modelOptions } = options;
  return new InvokeModelModel(client ?? createBedrockClient(clientOptions), modelOptions);
}
