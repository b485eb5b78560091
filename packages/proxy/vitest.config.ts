import { configDefaults, defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "proxy",
    include: ["test/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "test/**/*.browser.test.ts"],
  },
});
