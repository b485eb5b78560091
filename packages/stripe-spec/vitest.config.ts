import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "stripe-spec", include: ["test/**/*.test.ts"] },
});
