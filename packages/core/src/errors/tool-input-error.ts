import { SluiceError } from "./sluice-error.js";

/**
 * The model's input for a tool failed the tool's schema. The message (a short summary of the
 * problems) goes back to the model in an error `toolResult`, so it can correct the call.
 *
 * @example
 * throw new ToolInputError("city: expected a string, received a number");
 */
export class ToolInputError extends SluiceError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("tool-input", message, options);
  }
}
