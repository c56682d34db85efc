import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Plan tests start the CLI in child processes; each takes about two seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Plans each shipped stack once for every file that reads its unchanged plan.
    globalSetup: ["tests/setup/shipped-plans.ts"],
    // Most tests wait on a child process or a local server; two forks keep both cores of the CI
    // machine busy (vitest's default on two cores is one): about 4 minutes instead of 7.
    maxWorkers: 2,
    reporters: ["default", "junit"],
    outputFile: { junit: "tests/.artifacts/junit.xml" },
  },
});
