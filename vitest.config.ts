import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      // Each package's own tests (its vitest.config.ts), browser tests excluded there.
      "packages/*",
      // Tests that drive Debian's chromium: `npm run test:browser` (needs `apt-get install -y chromium`).
      {
        test: {
          name: "browser",
          include: ["packages/*/test/**/*.browser.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
