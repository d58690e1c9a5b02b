/**
 * Thrown when the emulator is given a bad option, script or fault definition. The message says
 * which field was wrong and what is accepted.
 *
 * @example
 * throw new EmulatorConfigurationError("script.turns[0].stopReason must be a string");
 */
export class EmulatorConfigurationError extends Error {
  override readonly name = "EmulatorConfigurationError";
}
