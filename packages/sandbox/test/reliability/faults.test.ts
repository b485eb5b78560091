/**
 * Faults: a share of Stripe calls failing (500 before and after, 429, timeouts) during mass syncs.
 * Sized by the caller; returns its figures.
 */
import {
  type Audit,
  audit,
  Cleanup,
  type FaultCounts,
  mixFaults,
  openAccount,
  seedCustomers,
  startStripe,
} from "../world.js";
import { mapErrors, massSync, type Outcomes, sleep } from "./common.js";

export interface FaultsResult {
  customers: number;
  counts: FaultCounts;
  runs: Outcomes[];
  errors: string[];
  /** After the faulted runs. */
  faulted: Audit;
  /** After one more run with Stripe healthy again. */
  healed: Audit;
  healedRun: Outcomes;
}

/**
 * `customers` customers synced by the mass sync (`runs` times, as an administrator re-runs it) while
 * `rate` of all Stripe calls fail: 500 before or after running, 429, or a delay beyond N/https's
 * timeout. Then once more with Stripe healthy.
 */
export async function faultsCase(options: {
  customers: number;
  rate: number;
  runs: number;
  concurrency: number;
  seed: number;
}): Promise<FaultsResult> {
  const cleanup = new Cleanup();
  try {
    const HTTP_TIMEOUT_MS = 400;
    const stripeEmulator = await startStripe(cleanup);
    const { ns, stripe } = await openAccount(cleanup, stripeEmulator, {
      key: `sk_test_nssRelFaults${options.seed}`,
      autoSync: false,
      concurrency: options.concurrency,
      httpTimeoutMs: HTTP_TIMEOUT_MS,
    });
    const ids = await seedCustomers(ns, options.customers, "flt");
    const mixer = mixFaults(stripeEmulator, {
      rate: options.rate,
      delayMs: HTTP_TIMEOUT_MS * 2,
      seed: options.seed,
    });
    const runs: Outcomes[] = [];
    const errors: string[] = [];
    try {
      for (let r = 0; r < options.runs; r++) {
        const { outcomes, summary } = await massSync(ns);
        runs.push(outcomes);
        errors.push(...mapErrors(summary));
      }
    } finally {
      mixer.stop();
    }
    // Requests NetSuite gave up on still run in Stripe once their delay is over.
    await sleep(HTTP_TIMEOUT_MS * 2 + 300);
    const faulted = await audit(ns, stripe, ids);
    const healed = await massSync(ns);
    errors.push(...mapErrors(healed.summary));
    return {
      customers: ids.length,
      counts: mixer.counts,
      runs,
      errors,
      faulted,
      healed: await audit(ns, stripe, ids),
      healedRun: healed.outcomes,
    };
  } finally {
    await cleanup.run();
  }
}

// ---------------------------------------------------------------------------------------------------
// races
