/**
 * The time source, so tests can control time.
 *
 * @example
 * container.register(Tokens.Clock, { useValue: { now: () => 0 } });
 */
export interface Clock {
  /** Milliseconds, like `Date.now()`. */
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };
