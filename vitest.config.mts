import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Plan tests start the CLI in child processes; each takes about two seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default", "junit"],
    outputFile: { junit: "tests/.artifacts/junit.xml" },
  },
});
