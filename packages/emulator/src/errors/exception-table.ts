/**
 * Every exception the Bedrock Runtime service declares, with the HTTP status it is sent with,
 * whether AWS clients retry it, and the lowerCamel member name it carries inside an event stream
 * (`:exception-type` header). Statuses follow the service model: note ServiceQuotaExceeded is 400
 * and ModelNotReady is 429.
 */
export interface ExceptionDefinition {
  readonly name: string;
  readonly status: number;
  readonly fault: "client" | "server";
  /** True when the standard AWS retry strategy retries it (by status, name or retryable trait). */
  readonly retryable: boolean;
  /** Member name inside ConverseStream / InvokeModelWithResponseStream unions, when it can appear there. */
  readonly streamMemberName?: string;
  /** Namespace in `x-amzn-ErrorType`: Bedrock's own, or the front door's (auth, routing). */
  readonly namespace: string;
  /** Message sent when a fault or script names the exception without giving one. */
  readonly defaultMessage: string;
}

const bedrockNamespace = "http://internal.amazon.com/coral/com.amazon.bedrock/";
const frontDoorNamespace = "http://internal.amazon.com/coral/com.amazon.coral.service/";

function define(
  name: string,
  status: number,
  retryable: boolean,
  defaultMessage: string,
  streamMemberName?: string,
  namespace: string = bedrockNamespace,
): ExceptionDefinition {
  const definition: ExceptionDefinition = {
    name,
    status,
    fault: status >= 500 ? "server" : "client",
    retryable,
    namespace,
    defaultMessage,
    ...(streamMemberName === undefined ? {} : { streamMemberName }),
  };
  return Object.freeze(definition);
}

/**
 * The exception table, keyed by exception name.
 *
 * @example
 * const throttling = bedrockExceptions.ThrottlingException;
 * throttling.status; // 429
 * throttling.streamMemberName; // "throttlingException"
 */
export const bedrockExceptions = Object.freeze({
  ValidationException: define("ValidationException", 400, false, "The request is invalid.", "validationException"),
  ServiceQuotaExceededException: define(
    "ServiceQuotaExceededException",
    400,
    false,
    "Your request exceeds the service quota for your account. You can view your quotas at Viewing service quotas. You can resubmit your request later.",
  ),
  ConflictException: define("ConflictException", 400, false, "The request conflicts with the current state of the resource."),
  AccessDeniedException: define(
    "AccessDeniedException",
    403,
    false,
    "You don't have access to the model with the specified model ID.",
  ),
  ResourceNotFoundException: define("ResourceNotFoundException", 404, false, "The specified resource was not found."),
  ModelTimeoutException: define(
    "ModelTimeoutException",
    408,
    false,
    "The model took too long to respond. Try again later.",
    "modelTimeoutException",
  ),
  ModelErrorException: define("ModelErrorException", 424, false, "The model returned an error."),
  ModelStreamErrorException: define(
    "ModelStreamErrorException",
    424,
    false,
    "The model stream failed.",
    "modelStreamErrorException",
  ),
  ThrottlingException: define(
    "ThrottlingException",
    429,
    true,
    "Too many requests, please wait before trying again.",
    "throttlingException",
  ),
  ModelNotReadyException: define(
    "ModelNotReadyException",
    429,
    true,
    "The model is not ready to serve inference requests. Try again later.",
  ),
  InternalServerException: define(
    "InternalServerException",
    500,
    true,
    "The server encountered an internal error.",
    "internalServerException",
  ),
  ServiceUnavailableException: define(
    "ServiceUnavailableException",
    503,
    true,
    "The service is unavailable. Try again later.",
    "serviceUnavailableException",
  ),
  MissingAuthenticationTokenException: define(
    "MissingAuthenticationTokenException",
    403,
    false,
    "Authorization header is missing",
    undefined,
    frontDoorNamespace,
  ),
  UnrecognizedClientException: define(
    "UnrecognizedClientException",
    403,
    false,
    "The security token included in the request is invalid.",
    undefined,
    frontDoorNamespace,
  ),
  ExpiredTokenException: define(
    "ExpiredTokenException",
    403,
    false,
    "The security token included in the request is expired",
    undefined,
    frontDoorNamespace,
  ),
  SerializationException: define(
    "SerializationException",
    400,
    false,
    "Unable to parse the request body as JSON.",
    undefined,
    frontDoorNamespace,
  ),
});

/** Name of any exception the emulator can send. */
export type BedrockExceptionName = keyof typeof bedrockExceptions;

/**
 * Looks up an exception by name; undefined when the name is not in the table.
 *
 * @example
 * findException("ThrottlingException")?.status; // 429
 */
export function findException(name: string): ExceptionDefinition | undefined {
  return Object.hasOwn(bedrockExceptions, name) ? bedrockExceptions[name as BedrockExceptionName] : undefined;
}

/**
 * The list of names, for error messages and validation.
 *
 * @example
 * bedrockExceptionNames.includes("ThrottlingException"); // true
 */
export const bedrockExceptionNames: readonly BedrockExceptionName[] = Object.freeze(
  Object.keys(bedrockExceptions) as BedrockExceptionName[],
);
