import { bedrockExceptionNames, bedrockExceptions, findException } from "./exception-table.js";
import type { BedrockExceptionName, ExceptionDefinition } from "./exception-table.js";

/**
 * An error the emulator answers with, exactly as the service would encode it: the exception
 * name (sent in `x-amzn-ErrorType`), its HTTP status, the message, and any extra members
 * (`originalStatusCode`, `resourceName`, …) that go into the JSON body.
 *
 * @example
 * throw new ServiceError("ThrottlingException", "Too many requests, please wait before trying again.");
 */
export class ServiceError extends Error {
  override readonly name = "ServiceError";
  readonly exception: ExceptionDefinition;
  readonly members: Readonly<Record<string, unknown>>;

  constructor(exceptionName: BedrockExceptionName, message?: string, members: Record<string, unknown> = {}) {
    const exception = bedrockExceptions[exceptionName];
    super(message ?? exception.defaultMessage);
    this.exception = exception;
    this.members = members;
  }

  get status(): number {
    return this.exception.status;
  }

  /** The JSON body the service sends: `{"message": …}` plus extra members. */
  toBody(): Record<string, unknown> {
    return { message: this.message, ...this.members };
  }
}

/**
 * Shorthand for the service's most common answer to a bad request.
 *
 * @example
 * throw validationError("The provided model identifier is invalid.");
 */
export function validationError(message: string): ServiceError {
  return new ServiceError("ValidationException", message);
}

/**
 * Builds a ServiceError from an exception name given in a script or fault (a string from JSON),
 * with a clear error when the name is unknown.
 *
 * @example
 * serviceErrorFromName("ModelStreamErrorException", undefined, { originalStatusCode: 500 });
 */
export function serviceErrorFromName(
  exceptionName: string,
  message?: string,
  members?: Record<string, unknown>,
): ServiceError {
  if (findException(exceptionName) === undefined) {
    throw new TypeError(
      `Unknown exception name "${exceptionName}". Use one of: ${bedrockExceptionNames.join(", ")}.`,
    );
  }
  return new ServiceError(exceptionName as BedrockExceptionName, message, members);
}
