import type { Clock } from "../logging/clock.js";

/**
 * A clock that moves only when told, for tests that measure durations.
 *
 * @example
 * const clock = new ManualClock(); container.register(Tokens.Clock, { useValue: clock }); clock.advance(250);
 */
export class ManualClock implements Clock {
  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
