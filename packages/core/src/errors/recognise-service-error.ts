/** What identifies a service exception, read from its structure. */
export interface ServiceErrorShape {
  /** The exception's name in the service's spelling, e.g. `ThrottlingException`. */
  name: string;
  message: string;
  httpStatus: number | undefined;
  requestId: string | undefined;
}

/** The exception members a ConverseStream / InvokeModelWithResponseStream may carry, by `:exception-type`. */
const streamExceptionTypes = new Map(
  [
    "ValidationException",
    "ThrottlingException",
    "ModelStreamErrorException",
    "ModelTimeoutException",
    "InternalServerException",
    "ServiceUnavailableException",
  ].map((name) => [name.charAt(0).toLowerCase() + name.slice(1), name]),
);

const exceptionName = /^[A-Z][A-Za-z0-9]*Exception$/;

/**
 * Recognises a service exception by its structure, never by class identity, so it works for
 * errors from any copy or version of the AWS SDK: the SDK's `$fault` marker with a name; an
 * exception-like name (`...Exception`) with the SDK's `$metadata`; or an event stream's
 * `:exception-type` (`throttlingException`), which some SDK versions leave as the error's name
 * when they cannot rebuild the modeled exception. Returns undefined for anything else (aborts,
 * network failures, programming errors).
 *
 * @example
 * recogniseServiceError(error)?.name; // "ThrottlingException"
 */
export function recogniseServiceError(error: unknown): ServiceErrorShape | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const candidate = error as { name?: unknown; message?: unknown; $fault?: unknown; $metadata?: unknown };
  const name = typeof candidate.name === "string" ? candidate.name : undefined;
  const metadata = typeof candidate.$metadata === "object" && candidate.$metadata !== null ? (candidate.$metadata as { httpStatusCode?: unknown; requestId?: unknown }) : undefined;
  let serviceName: string | undefined;
  if (candidate.$fault === "client" || candidate.$fault === "server") serviceName = name && name !== "Error" ? name : "UnknownError";
  else if (name !== undefined && streamExceptionTypes.has(name)) serviceName = streamExceptionTypes.get(name);
  else if (name !== undefined && metadata !== undefined && exceptionName.test(name)) serviceName = name;
  if (serviceName === undefined) return undefined;
  return {
    name: serviceName,
    message: messageOf(candidate.message),
    httpStatus: typeof metadata?.httpStatusCode === "number" ? metadata.httpStatusCode : undefined,
    requestId: typeof metadata?.requestId === "string" ? metadata.requestId : undefined,
  };
}

/** The message; when an SDK left the raw exception payload (`{"message":"..."}`) as the message, the message inside it. */
function messageOf(value: unknown): string {
  if (typeof value !== "string") return "";
  if (value.startsWith("{")) {
    try {
      const parsed = JSON.parse(value) as { message?: unknown; Message?: unknown };
      const inner = parsed.message ?? parsed.Message;
      if (typeof inner === "string") return inner;
    } catch {
      // not JSON: keep the text
    }
  }
  return value;
}
