/** Region the emulator's ready client options name; the emulator answers for any region. */
export const emulatorRegion = "us-east-1";

/** Credentials the emulator hands out; it accepts any signature without checking it. */
export const emulatorCredentials = { accessKeyId: "sluice-emulator", secretAccessKey: "sluice-emulator" } as const;

/**
 * Options that point a Bedrock Runtime client at a running emulator: its URL as `endpoint`, a
 * region and placeholder credentials. The shape is what `new BedrockRuntimeClient(...)`, Sluice's
 * `createBedrockClient(...)` and `new Agent({ clientOptions })` take, so no AWS configuration is
 * needed on the machine.
 *
 * @example
 * const client = new BedrockRuntimeClient(emulator.clientOptions);
 * const agent = new Agent({ modelId: "us.amazon.nova-lite-v1:0", clientOptions: emulator.clientOptions });
 */
export interface EmulatorClientOptions {
  /** The emulator's URL, e.g. `http://127.0.0.1:53817`. */
  endpoint: string;
  /** Always `us-east-1` (the SDK needs one; the emulator ignores it). */
  region: string;
  /** Placeholder credentials, signed with and never checked. */
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Environment variables that send the AWS SDK in another process to the emulator, with no change
 * to that program: `AWS_ENDPOINT_URL_BEDROCK_RUNTIME` (the SDK's service-specific endpoint
 * variable), `AWS_REGION` and placeholder `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`. (A type
 * alias, not an interface, so it fits `Record<string, string>` and `NodeJS.ProcessEnv`.)
 *
 * @example
 * spawn("node", ["my-agent.js"], { env: { ...process.env, ...emulator.environment } });
 */
export type EmulatorEnvironment = {
  /** The emulator's URL. */
  AWS_ENDPOINT_URL_BEDROCK_RUNTIME: string;
  /** `us-east-1`. */
  AWS_REGION: string;
  /** Placeholder access key ID. */
  AWS_ACCESS_KEY_ID: string;
  /** Placeholder secret key. */
  AWS_SECRET_ACCESS_KEY: string;
};

/** Fresh client options for the emulator at `url` (a new object each time, safe to change). */
export function clientOptionsFor(url: string): EmulatorClientOptions {
  return { endpoint: url, region: emulatorRegion, credentials: { ...emulatorCredentials } };
}

/** Fresh environment variables for the emulator at `url`. */
export function environmentFor(url: string): EmulatorEnvironment {
  return {
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: url,
    AWS_REGION: emulatorRegion,
    AWS_ACCESS_KEY_ID: emulatorCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulatorCredentials.secretAccessKey,
  };
}
