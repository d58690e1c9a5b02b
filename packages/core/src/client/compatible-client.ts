import { BedrockRuntimeClient, type BedrockRuntimeClientConfig } from "@aws-sdk/client-bedrock-runtime";

const adopted = new WeakMap<object, BedrockRuntimeClient>();

/** The resolved configuration every v3 `BedrockRuntimeClient` keeps on `config`. */
interface ForeignClientConfig {
  region?: unknown;
  credentials?: unknown;
  token?: unknown;
  authSchemePreference?: unknown;
  endpoint?: unknown;
  isCustomEndpoint?: boolean;
  requestHandler?: unknown;
  maxAttempts?: unknown;
  retryMode?: unknown;
  useFipsEndpoint?: unknown;
  useDualstackEndpoint?: unknown;
  logger?: unknown;
  customUserAgent?: unknown;
}

/**
 * A client that can send the commands of Sluice's copy of the AWS SDK. A client from that copy is
 * returned as it is. A client from another copy (your app's own `@aws-sdk/client-bedrock-runtime`,
 * of another version) cannot be trusted with them: across versions the SDK changed how commands
 * are serialised and how in-stream exceptions are rebuilt, which made sends fail or exceptions
 * arrive as plain objects. Such a client is replaced by one of Sluice's copy built on the same
 * resolved configuration: credentials (or bearer token), region, custom endpoint, HTTP handler
 * (so the same connections), retry settings and logger. Middleware added to the other client's
 * `middlewareStack` does not run on the replacement. Built once per client. Anything else with a
 * `send` method (a test double, a wrapper) is used as it is.
 *
 * @example
 * const client = compatibleClient(usersClient); // usersClient itself when it is from Sluice's SDK copy
 */
export function compatibleClient(client: BedrockRuntimeClient): BedrockRuntimeClient {
  if (client instanceof BedrockRuntimeClient || !isSmithyClient(client)) return client;
  let replacement = adopted.get(client);
  if (!replacement) {
    const config = ((client as { config?: unknown }).config ?? {}) as ForeignClientConfig;
    const settings: Record<string, unknown> = {
      region: config.region,
      credentials: config.credentials,
      requestHandler: config.requestHandler,
      maxAttempts: config.maxAttempts,
      retryMode: config.retryMode,
      useFipsEndpoint: config.useFipsEndpoint,
      useDualstackEndpoint: config.useDualstackEndpoint,
      logger: config.logger,
      customUserAgent: config.customUserAgent,
      token: config.token,
      authSchemePreference: config.authSchemePreference,
      ...(config.isCustomEndpoint && { endpoint: config.endpoint }),
    };
    for (const key of Object.keys(settings)) if (settings[key] === undefined) delete settings[key];
    replacement = new BedrockRuntimeClient(settings as BedrockRuntimeClientConfig);
    adopted.set(client, replacement);
  }
  return replacement;
}

/** An AWS SDK v3 client of some copy: it has the Smithy client's `config` and `middlewareStack`. */
function isSmithyClient(client: unknown): boolean {
  const candidate = client as { config?: unknown; middlewareStack?: { use?: unknown } };
  return typeof candidate.config === "object" && candidate.config !== null && typeof candidate.middlewareStack?.use === "function";
}
