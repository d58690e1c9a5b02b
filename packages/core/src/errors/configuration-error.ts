import { SluiceError } from "./sluice-error.js";

/**
 * An option or definition is invalid. Thrown before any network call; the message says how to fix it.
 *
 * @example
 * new Agent({ modelId: "" }); // ConfigurationError: modelId must be a non-empty string ...
 */
export class ConfigurationError extends SluiceError {
  constructor(message: string) {
    super("configuration", message);
  }
}
