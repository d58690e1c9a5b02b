import { SluiceError } from "../errors/sluice-error.js";

/**
 * A request asks a model for something it cannot do (1-hour cache points, adaptive thinking,
 * native structured output, a service tier...). Thrown before the call; `capability` names what
 * is missing and the message says what to use instead.
 *
 * @example
 * try { await agent.send("hi"); } catch (error) { if (ModelCapabilityError.isInstance(error)) console.log(error.capability); }
 */
export class ModelCapabilityError extends SluiceError {
  /** The model ID as the request named it. */
  readonly modelId: string;
  /** The missing capability, e.g. `promptCaching.ttl:1h`, `reasoning.adaptive`, `nativeStructuredOutput`. */
  readonly capability: string;

  constructor(modelId: string, capability: string, message: string) {
    super("model-capability", message);
    this.modelId = modelId;
    this.capability = capability;
  }
}
