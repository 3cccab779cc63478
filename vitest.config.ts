import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/fast-check-setup.ts"],
    // Rebuilds dist/ when src/ is newer, so the CLI tests never spawn a stale binary.
    globalSetup: ["test/support/build-setup.ts", "test/support/temp-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
