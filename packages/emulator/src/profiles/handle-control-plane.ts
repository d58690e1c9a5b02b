import { EmulatorConfigurationError } from "../errors/emulator-configuration-error.js";
import { ServiceError, validationError } from "../errors/service-error.js";
import { baseHeaders } from "../server/call-context.js";
import type { ResponseChannel } from "../server/response-channel.js";
import { isJsonObject } from "../wire/is-json-object.js";
import { stringifyServiceJson } from "../wire/stringify-service-json.js";
import type { InferenceProfile } from "./inference-profile.js";
import type { InferenceProfileRegistry } from "./inference-profile-registry.js";

const PREFIX = "/inference-profiles";

/**
 * True for the Bedrock control-plane paths the emulator serves (service `bedrock`, not
 * `bedrock-runtime`): the inference-profile operations.
 *
 * @example
 * isControlPlanePath("/inference-profiles/arn%3Aaws%3Abedrock%3A…"); // true
 */
export function isControlPlanePath(rawPath: string): boolean {
  const path = rawPath.split("?")[0] ?? rawPath;
  return path === PREFIX || path.startsWith(`${PREFIX}/`);
}

// The recorded GetInferenceProfile body carries `toolboxArn: null` (a newer member the SDK ignores).
function described(profile: InferenceProfile): Record<string, unknown> {
  return { ...profile, toolboxArn: null };
}

function summaries(registry: InferenceProfileRegistry, query: URLSearchParams): Record<string, unknown> {
  const type = query.get("type") ?? "SYSTEM_DEFINED";
  if (type !== "SYSTEM_DEFINED" && type !== "APPLICATION") {
    throw validationError(`1 validation error detected: Value '${type}' at 'typeEquals' failed to satisfy constraint: Member must satisfy enum value set: [SYSTEM_DEFINED, APPLICATION]`);
  }
  // System profiles are described on demand, not listed: the list holds application profiles.
  const all = type === "APPLICATION" ? registry.list() : [];
  const size = Number(query.get("maxResults") ?? 1000);
  const start = Number(query.get("nextToken") ?? 0);
  const page = all.slice(start, start + size);
  const next = start + size < all.length ? String(start + size) : undefined;
  return { inferenceProfileSummaries: page, nextToken: next };
}

function create(registry: InferenceProfileRegistry, body: unknown): InferenceProfile {
  const source = isJsonObject(body) && isJsonObject(body["modelSource"]) ? body["modelSource"]["copyFrom"] : undefined;
  if (!isJsonObject(body) || typeof body["inferenceProfileName"] !== "string" || typeof source !== "string") {
    throw validationError("1 validation error detected: Value null at 'modelSource' failed to satisfy constraint: Member must not be null");
  }
  if (!source.startsWith("arn:")) {
    throw validationError(`1 validation error detected: Value '${source}' at 'modelSource.copyFrom' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:(|[0-9a-z-]{0,20}):(|[0-9]{12}):(inference-profile|foundation-model)/[a-zA-Z0-9-:.]+`);
  }
  const description = typeof body["description"] === "string" ? { description: body["description"] } : {};
  try {
    return registry.create({ name: body["inferenceProfileName"], model: source, ...description });
  } catch (error) {
    if (error instanceof EmulatorConfigurationError) {
      throw error.message.includes("already exists") ? new ServiceError("ConflictException", error.message) : validationError(error.message);
    }
    throw error;
  }
}

/**
 * The inference-profile operations of the Bedrock control plane, so `@aws-sdk/client-bedrock`
 * works against the emulator: `GetInferenceProfile` (GET /inference-profiles/{id or ARN}),
 * `ListInferenceProfiles` (GET /inference-profiles?type=APPLICATION), `CreateInferenceProfile`
 * (POST /inference-profiles, `modelSource.copyFrom`) and `DeleteInferenceProfile`. Bodies are
 * serialised like the recorded ones (alphabetical keys); errors are thrown as ServiceErrors for
 * the caller to send. Returns the status sent.
 *
 * @example
 * handleControlPlane(state.profiles, "GET", "/inference-profiles/abc", undefined, channel, requestId);
 */
export function handleControlPlane(registry: InferenceProfileRegistry, method: string, rawPath: string, body: unknown, channel: ResponseChannel, requestId: string): number {
  const url = new URL(rawPath, "http://emulator.invalid");
  const identifier = url.pathname.length > PREFIX.length + 1 ? decodeURIComponent(url.pathname.slice(PREFIX.length + 1)) : undefined;
  const send = (status: number, value: unknown): number => {
    channel.sendJson(status, baseHeaders(requestId), stringifyServiceJson(value));
    return status;
  };
  if (identifier === undefined && method === "GET") return send(200, summaries(registry, url.searchParams));
  if (identifier === undefined && method === "POST") {
    const profile = create(registry, body);
    return send(201, { inferenceProfileArn: profile.inferenceProfileArn, status: profile.status });
  }
  if (identifier !== undefined && method === "GET") {
    const profile = registry.get(identifier);
    if (profile === undefined) throw new ServiceError("ResourceNotFoundException", `The inference profile ${identifier} was not found.`);
    return send(200, described(profile));
  }
  if (identifier !== undefined && method === "DELETE") {
    if (!registry.delete(identifier)) throw new ServiceError("ResourceNotFoundException", `The inference profile ${identifier} was not found.`);
    return send(200, {});
  }
  throw new ServiceError("ValidationException", `The emulator does not serve ${method} ${url.pathname}.`);
}
