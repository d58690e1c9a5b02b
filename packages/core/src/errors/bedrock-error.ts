import { recogniseServiceError } from "./recognise-service-error.js";
import { SluiceError } from "./sluice-error.js";

/**
 * Bedrock exceptions worth retrying: throttling, capacity and transient server faults. A
 * `BedrockError` with one of these names has `isRetryable` set.
 *
 * @example
 * retryableBedrockErrors.includes("ThrottlingException"); // true
 */
export const retryableBedrockErrors: readonly string[] = [
  "ThrottlingException",
  "ServiceUnavailableException",
  "InternalServerException",
  "ModelNotReadyException",
  "ModelTimeoutException",
];
const retryableNames = new Set(retryableBedrockErrors);

/**
 * An exception answered by Bedrock (or the emulator), as an HTTP error or as an exception frame
 * inside a stream. `errorName` is the service's exception name, read from `x-amzn-ErrorType`
 * by the AWS SDK, never guessed from the message text.
 *
 * @example
 * catch (error) { if (BedrockError.isInstance(error) && error.errorName === "ThrottlingException") await wait(); }
 */
export class BedrockError extends SluiceError {
  // Bundling renames a class that names itself in its body (to _BedrockError); errors and logs report this name.
  static {
    Object.defineProperty(this, "name", { value: "BedrockError" });
  }

  /** The service's exception name, e.g. `ThrottlingException`, `ValidationException`. */
  readonly errorName: string;
  /** HTTP status, when the error arrived as an HTTP response (absent for in-stream exceptions). */
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  /** True when the exception arrived as a frame inside an event stream. */
  readonly inStream: boolean;

  constructor(
    errorName: string,
    message: string,
    details: { httpStatus?: number; requestId?: string; inStream?: boolean; cause?: unknown } = {},
  ) {
    super("bedrock", `${errorName}: ${message}`, { cause: details.cause, isRetryable: retryableNames.has(errorName) });
    this.errorName = errorName;
    this.httpStatus = details.httpStatus;
    this.requestId = details.requestId;
    this.inStream = details.inStream ?? false;
  }

  /**
   * Wraps an error thrown by the AWS SDK (any copy or version: see `recogniseServiceError`).
   * Errors that are not service exceptions (aborts, Sluice errors, programming errors) are
   * returned unchanged.
   */
  static fromSdkError(error: unknown, inStream = false): unknown {
    if (SluiceError.isInstance(error)) return error;
    const shape = recogniseServiceError(error);
    if (!shape) return error;
    return new BedrockError(shape.name, shape.message, {
      httpStatus: inStream ? undefined : shape.httpStatus,
      requestId: shape.requestId,
      inStream,
      cause: error,
    });
  }
}
