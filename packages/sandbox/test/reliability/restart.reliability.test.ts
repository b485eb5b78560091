/** NetSuite killed in the middle of a mass sync, at scale (`npm run test:reliability`). */
import { describe } from "vitest";
import { restartTest } from "./suites.js";

describe("reliability: restart at scale", () => {
  restartTest({ customers: 200, killAfter: 80, concurrency: 5, postDelayMs: 30, seed: 200 }, 600_000);
});
