import { defineProject } from "vitest/config";

// These tests start `sluice` (TypeScript through tsx) as a child process or in a pseudo-terminal, several
// seconds each on a busy machine: give them room beyond vitest's 5 s.
export default defineProject({
  test: { testTimeout: 120_000, hookTimeout: 60_000 },
});
