import { describe, it } from "vitest";

/** A service the tests need, where it is expected, and whether it answered. */
export interface TestService {
  name: "Redis" | "PostgreSQL";
  /** From the environment variable, or the local default. */
  url: string;
  /** The environment variable that sets `url`. */
  variable: string;
  available: boolean;
  /** Why it is not available. */
  problem?: string;
}

/**
 * `describe(title, body)` when the service answered. When it did not: in CI (`CI=true`) one
 * failing test that names the service, so a run that could not reach it fails; elsewhere the
 * tests are skipped with a message on stderr, so `npm test` passes on a machine without it.
 */
export function describeWithService(service: TestService, title: string, body: () => void): void {
  if (service.available) {
    describe(title, body);
    return;
  }
  const why = `${service.name} is not reachable at ${service.url} (${service.problem ?? "no answer"}); set ${service.variable} to where it runs.`;
  if (process.env.CI === "true") {
    describe(title, () => {
      it(`needs ${service.name}`, () => {
        throw new Error(`${why} In CI a test that cannot reach its service fails the run; .ci/run starts the services.`);
      });
    });
    return;
  }
  console.warn(`[${title}] skipped: ${why}`);
  describe.skip(title, body);
}
