/** Webhooks under duplicates, shuffling and a NetSuite outage, at scale (`npm run test:reliability`). */
import { describe } from "vitest";
import { webhooksTest } from "./suites.js";

describe("reliability: webhooks at scale", () => {
  webhooksTest(
    { customers: 20, changesPerCustomer: 10, outageMs: 600, refetchFaultRate: 0.25, seed: 20 },
    300_000,
  );
});
