/** Webhooks under duplicates, shuffling and a NetSuite outage, small enough for `npm test` (large: webhooks.reliability.test.ts). */
import { describe } from "vitest";
import { webhooksTest } from "./suites.js";

describe("reliability: webhooks", () => {
  webhooksTest(
    { customers: 4, changesPerCustomer: 4, outageMs: 300, refetchFaultRate: 0.2, seed: 11 },
    60_000,
  );
});
