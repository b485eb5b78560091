/** The three sync triggers at once, small enough for `npm test` (the large run: races.reliability.test.ts). */
import { describe } from "vitest";
import { racesTest } from "./suites.js";

describe("reliability: races", () => {
  racesTest(
    { customers: 6, buttonsPerCustomer: 2, concurrency: 5, postDelayMs: 500, after500Rate: 0.1, seed: 7 },
    60_000,
  );
});
