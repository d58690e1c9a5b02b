import { defineConfig } from "vitest/config";

// One run over every package, so the closing summary counts every test in the repository.
export default defineConfig({
  test: {
    projects: ["packages/*", "examples"],
    reporters: ["default", "./scripts/count-reporter.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
