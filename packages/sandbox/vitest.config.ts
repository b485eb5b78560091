import { configDefaults, defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "sandbox",
    include: ["test/**/*.test.ts"],
    // Browser tests run in the root config's "browser" project (npm run test:browser), the long
    // reliability runs in its "reliability" project (npm run test:reliability).
    exclude: [...configDefaults.exclude, "test/**/*.browser.test.ts", "**/*.reliability.test.ts"],
    testTimeout: 120_000,
  },
});
