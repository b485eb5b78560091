/**
 * Faults: a share of all Stripe calls failing (a 500 before or after the request ran, a 429, or a delay
 * beyond N/https's timeout) while the mass sync runs, `runs` times as an administrator re-runs it; then
 * once more with Stripe healthy. After the faulted runs every customer is linked or has its failure
 * recorded, and no Stripe customer is a duplicate; after the healthy run every customer is linked once.
 */
import { describe, expect, it } from "vitest";
import {
  audit,
  Cleanup,
  describeFaults,
  faulted,
  LONG,
  mapErrors,
  massSync,
  mixFaults,
  type Outcomes,
  openAccount,
  pct,
  seedCustomers,
  sleep,
  startStripe,
} from "./world.js";

/** Short in `npm test`, long in `npm run test:reliability`. */
const size = LONG
  ? { customers: 400, rate: 0.2, runs: 2, concurrency: 5, seed: 400, timeout: 600_000 }
  : { customers: 40, rate: 0.2, runs: 2, concurrency: 4, seed: 20261127, timeout: 60_000 };

describe(LONG ? "reliability: faults at scale" : "reliability: faults", () => {
  it(
    `${size.customers} customers, ${pct(size.rate, 1)} of Stripe calls faulted, ${size.runs} mass syncs: no duplicate, nothing unrecorded`,
    async () => {
      const cleanup = new Cleanup();
      try {
        // Set up: N/https gives up after 400 ms; the mass sync maps `concurrency` customers at once.
        const HTTP_TIMEOUT_MS = 400;
        const stripeEmulator = await startStripe(cleanup);
        const { ns, stripe } = await openAccount(cleanup, stripeEmulator, {
          key: `sk_test_nssRelFaults${size.seed}`,
          autoSync: false,
          concurrency: size.concurrency,
          httpTimeoutMs: HTTP_TIMEOUT_MS,
        });
        const ids = await seedCustomers(ns, size.customers, "flt");

        // Do: the mass sync `runs` times with `rate` of Stripe calls faulted, then once with Stripe healthy.
        const mixer = mixFaults(stripeEmulator, {
          rate: size.rate,
          delayMs: HTTP_TIMEOUT_MS * 2,
          seed: size.seed,
        });
        const runs: Outcomes[] = [];
        const errors: string[] = [];
        try {
          for (let r = 0; r < size.runs; r++) {
            const { outcomes, summary } = await massSync(ns);
            runs.push(outcomes);
            errors.push(...mapErrors(summary));
          }
        } finally {
          mixer.stop();
        }
        // Requests NetSuite gave up on still run in Stripe once their delay is over.
        await sleep(HTTP_TIMEOUT_MS * 2 + 300);
        const afterFaults = await audit(ns, stripe, ids);
        const healedRun = await massSync(ns);
        errors.push(...mapErrors(healedRun.summary));
        const healed = await audit(ns, stripe, ids);

        // Check.
        const { counts } = mixer;
        console.log(
          `reliability: faults — ${ids.length} customers, ${size.runs} mass syncs, ${describeFaults(counts)}` +
            ` (${pct(faulted(counts), counts.calls)}); outcomes ${JSON.stringify(runs)}; after the faulted runs` +
            ` ${afterFaults.linked} linked, ${afterFaults.failedRecorded} failed and recorded, ${afterFaults.unrecorded.length} unrecorded,` +
            ` ${afterFaults.duplicates.length} duplicates; healthy re-run ${JSON.stringify(healedRun.outcomes)} → ${healed.linked} linked,` +
            ` ${healed.stripeCustomers} Stripe customers, ${healed.duplicates.length} duplicates`,
        );
        if (healed.linked !== ids.length) console.log("last errors after the healthy run", healed.lastErrors);
        expect(errors).toEqual([]);
        expect(faulted(counts) / counts.calls).toBeGreaterThan(size.rate / 2);
        expect(counts.timeouts).toBeGreaterThan(0);
        for (const a of [afterFaults, healed]) {
          expect(a.duplicates).toEqual([]);
          expect(a.unrecorded).toEqual([]);
          expect(a.badLinks).toEqual([]);
          expect(a.dangling).toEqual([]);
        }
        expect(afterFaults.linked + afterFaults.failedRecorded).toBe(ids.length);
        expect(healed.linked).toBe(ids.length);
        expect(healed.stripeCustomers).toBe(ids.length);
      } finally {
        await cleanup.run();
      }
    },
    size.timeout,
  );
});
