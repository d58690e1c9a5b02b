import { SluiceError } from "./sluice-error.js";

/**
 * A middleware broke the pipeline contract: it returned nothing, returned before the result of
 * `next()` settled, or called `next()` while an earlier call of it was still running.
 *
 * @example
 * const broken: ModelMiddleware = async (call, next) => { next(call.request); return undefined as never; };
 */
export class MiddlewareError extends SluiceError {
  constructor(message: string) {
    super("middleware", message);
  }
}
