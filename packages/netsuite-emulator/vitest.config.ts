import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "netsuite-emulator", include: ["test/**/*.test.ts"] },
});
