import { SluiceError } from "@sluice/core";

/**
 * A native InvokeModel response (or stream chunk) did not have the shape its family uses, so
 * it could not be read into a Converse response. `body` holds what arrived.
 *
 * @example
 * catch (error) { if (NativeResponseError.isInstance(error)) console.log(error.family, error.body); }
 */
export class NativeResponseError extends SluiceError {
  readonly family: string;
  readonly body: unknown;

  constructor(family: string, message: string, body: unknown) {
    super("native-response", `Could not read the ${family} response: ${message}`);
    this.family = family;
    this.body = body;
  }
}
