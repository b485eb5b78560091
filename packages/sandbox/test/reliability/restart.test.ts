/** NetSuite killed in the middle of a mass sync, small enough for `npm test` (large: restart.reliability.test.ts). */
import { describe } from "vitest";
import { restartTest } from "./suites.js";

describe("reliability: restart", () => {
  restartTest({ customers: 30, killAfter: 10, concurrency: 3, postDelayMs: 60, seed: 13 }, 60_000);
});
