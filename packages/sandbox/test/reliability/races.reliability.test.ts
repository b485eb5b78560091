/** The three sync triggers at once, at scale (`npm run test:reliability`). */
import { describe } from "vitest";
import { racesTest } from "./suites.js";

describe("reliability: races at scale", () => {
  racesTest(
    { customers: 30, buttonsPerCustomer: 3, concurrency: 5, postDelayMs: 1500, after500Rate: 0.15, seed: 30 },
    300_000,
  );
});
