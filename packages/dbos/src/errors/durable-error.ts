import { SluiceError } from "@sluice/core";

/**
 * What `@sluice/dbos` throws for a misuse it can name: called outside a DBOS workflow, before
 * `DBOS.launch()`, a missing `durableMiddleware()`, a bad option. `code` is `durable-configuration`.
 *
 * @example
 * catch (error) { if (DurableConfigurationError.isInstance(error)) console.error(error.message); }
 */
export class DurableConfigurationError extends SluiceError {
  constructor(message: string) {
    super("durable-configuration", message);
  }
}
