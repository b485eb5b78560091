/** Stripe faults during the mass sync, at scale (`npm run test:reliability`). */
import { describe } from "vitest";
import { faultsTest } from "./suites.js";

describe("reliability: faults at scale", () => {
  faultsTest({ customers: 400, rate: 0.2, runs: 2, concurrency: 5, seed: 400 }, 600_000);
});
