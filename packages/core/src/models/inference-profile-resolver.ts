import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { ConfigurationError } from "../errors/configuration-error.js";
import { type BedrockClientOptions, clientConfigOf } from "../client/create-bedrock-client.js";
import type { InferenceProfileLookup } from "./model-capability-registry.js";

/** The part of `@aws-sdk/client-bedrock`'s `BedrockClient` the resolver uses. */
export interface ControlPlaneClient {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/** Options of `inferenceProfileResolver`. */
export interface InferenceProfileResolverOptions {
  /** Take region, credentials or API key, endpoint and transport from this runtime client. */
  client?: BedrockRuntimeClient;
  /** Or build the control-plane client from these (as `createBedrockClient` does). */
  clientOptions?: BedrockClientOptions;
  /** Or use this `BedrockClient` (from `@aws-sdk/client-bedrock`) as it is. */
  controlPlane?: ControlPlaneClient;
}

type ClientBedrockModule = {
  BedrockClient: new (config: Record<string, unknown>) => ControlPlaneClient;
  GetInferenceProfileCommand: new (input: { inferenceProfileIdentifier: string }) => unknown;
};

async function loadClientBedrock(): Promise<ClientBedrockModule> {
  try {
    return (await import("@aws-sdk/client-bedrock")) as unknown as ClientBedrockModule;
  } catch (error) {
    throw new ConfigurationError(
      "Resolving an application inference profile needs the Bedrock control-plane client: install @aws-sdk/client-bedrock " +
        "(same version line as @aws-sdk/client-bedrock-runtime), or pass controlPlane, or describe the profile in the registry's overrides.",
    );
  }
}

/**
 * Looks up the model behind an application inference profile ARN with the Bedrock control
 * plane's `GetInferenceProfile` (one call per ARN when used by `ModelCapabilityRegistry`, which
 * caches the answer). `@aws-sdk/client-bedrock` is an optional peer dependency, loaded on the
 * first lookup: the AWS SDK signs the call (SigV4 or API key) with the same credentials,
 * region and endpoint as the runtime client, so no second credential set-up is needed.
 *
 * @example
 * const registry = new ModelCapabilityRegistry({ resolveProfile: inferenceProfileResolver({ client }) });
 * (await registry.resolve("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc")).baseModelId;
 */
export function inferenceProfileResolver(options: InferenceProfileResolverOptions = {}): InferenceProfileLookup {
  const given = [options.client, options.clientOptions, options.controlPlane].filter((value) => value !== undefined).length;
  if (given > 1) throw new ConfigurationError("inferenceProfileResolver takes one of client, clientOptions or controlPlane, not several.");
  let controlPlane: Promise<{ client: ControlPlaneClient; module: ClientBedrockModule }> | undefined;

  function connect(): Promise<{ client: ControlPlaneClient; module: ClientBedrockModule }> {
    controlPlane ??= loadClientBedrock().then((module) => {
      if (options.controlPlane) return { client: options.controlPlane, module };
      const config = options.client ? runtimeConfigOf(options.client) : clientConfigOf(options.clientOptions ?? {});
      return { client: new module.BedrockClient(config), module };
    });
    controlPlane.catch(() => (controlPlane = undefined));
    return controlPlane;
  }

  return async function lookUpInferenceProfile(profileArn: string): Promise<string | undefined> {
    const { client, module } = await connect();
    const output = (await client.send(new module.GetInferenceProfileCommand({ inferenceProfileIdentifier: profileArn }))) as {
      models?: Array<{ modelArn?: string }>;
    };
    return output.models?.find((model) => typeof model.modelArn === "string")?.modelArn;
  };
}

/** The settings of a runtime client a control-plane client can share (a custom endpoint only when one was set). */
function runtimeConfigOf(client: BedrockRuntimeClient): Record<string, unknown> {
  const config = ((client as { config?: unknown }).config ?? {}) as Record<string, unknown>;
  const settings: Record<string, unknown> = {
    region: config["region"],
    credentials: config["credentials"],
    token: config["token"],
    authSchemePreference: config["authSchemePreference"],
    requestHandler: config["requestHandler"],
    maxAttempts: config["maxAttempts"],
    ...(config["isCustomEndpoint"] === true && { endpoint: config["endpoint"] }),
  };
  for (const key of Object.keys(settings)) if (settings[key] === undefined) delete settings[key];
  return settings;
}
