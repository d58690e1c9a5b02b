import type { InjectionToken } from "tsyringe";

/**
 * Values the application gives a run, seen by every middleware and tool of the run as
 * `call.context` / `context.context` (a user ID, a tenant, a request's trace). Empty by default;
 * extend it by declaration merging so reads and writes stay typed. Set it with the agent's
 * `context` option, per run with `send(input, { context })` (the two are merged, the run's keys win).
 *
 * @example
 * declare module "@sluice/core" { interface RunContext { userId?: string } }
 * await agent.send("Hello", { context: { userId: "u-42" } });
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface RunContext {}

/**
 * Reaches a service registered in the agent's container, typed by its token
 * (`resolve(Tokens.Logger)` is a `Logger`). Throws for a token nobody registered.
 *
 * @example
 * const logger = call.resolve(Tokens.Logger);
 */
export type ServiceResolver = <T>(token: InjectionToken<T>) => T;
