import { configDefaults, defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "sandbox",
    include: ["test/**/*.test.ts"],
    // Browser tests run in the root config's "browser" project (npm run test:browser). The reliability
    // cases (test/reliability/) run here short; the root config's "reliability" project runs the same
    // files long (npm run test:reliability).
    exclude: [...configDefaults.exclude, "test/**/*.browser.test.ts"],
    testTimeout: 120_000,
  },
});
