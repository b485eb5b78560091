import { defineConfig } from "vitest/config";

// The long reliability runs (`npm run test:reliability`) are a project only when named on the command
// line: `--project` filters add up (`--project '!browser' --project '!reliability'` selects every
// project, each filter matching the other's), so `npm test` cannot leave out two projects by name.
const reliability = process.argv.some((a) => a === "reliability" || a === "--project=reliability");

export default defineConfig({
  test: {
    projects: [
      // Each package's own tests (its vitest.config.ts), browser tests excluded there.
      "packages/*",
      // The repository's own checks: the arrows of docs/architecture.md.
      { test: { name: "repo", include: ["test/**/*.test.ts"] } },
      // Tests that drive Debian's chromium: `npm run test:browser` (needs `apt-get install -y chromium`).
      {
        test: {
          name: "browser",
          include: ["packages/*/test/**/*.browser.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // Long reliability runs (faults at scale, races, webhooks, restarts): `npm run test:reliability`.
      // The same case files run short in their package's project (`npm test`); `reliabilityLong` makes
      // each run the long sizes it names.
      ...(reliability
        ? [
            {
              test: {
                name: "reliability",
                include: ["packages/*/test/reliability/**/*.test.ts"],
                provide: { reliabilityLong: true },
                testTimeout: 900_000,
                hookTimeout: 300_000,
              },
            },
          ]
        : []),
    ],
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
