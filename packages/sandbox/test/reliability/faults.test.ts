/** Stripe faults during the mass sync, small enough for `npm test` (the large run: faults.reliability.test.ts). */
import { describe } from "vitest";
import { faultsTest } from "./suites.js";

describe("reliability: faults", () => {
  faultsTest({ customers: 40, rate: 0.2, runs: 2, concurrency: 4, seed: 20261127 }, 60_000);
});
