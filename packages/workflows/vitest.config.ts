import { defineProject } from "vitest/config";

// Some tests start a child process (a workflow resumed in a new Node process) or talk to the emulator over HTTP.
export default defineProject({
  test: { testTimeout: 20_000, hookTimeout: 20_000 },
});
