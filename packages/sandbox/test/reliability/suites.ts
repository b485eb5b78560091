/**
 * The reliability cases as Vitest tests, sized by the file that registers them (small in `npm test`,
 * large in `npm run test:reliability`). Each asserts the invariants and prints one line of figures.
 */
import { expect, it } from "vitest";
import { faultsCase, racesCase, restartCase, webhooksCase } from "./scenarios.js";
import { describeFaults, faulted } from "./world.js";

const pct = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((100 * part) / whole)}%`;

export function faultsTest(options: Parameters<typeof faultsCase>[0], timeout: number) {
  it(
    `${options.customers} customers, ${pct(options.rate, 1)} of Stripe calls faulted, ${options.runs} mass syncs: no duplicate, nothing unrecorded`,
    async () => {
      const r = await faultsCase(options);
      console.log(
        `reliability: faults — ${r.customers} customers, ${options.runs} mass syncs, ${describeFaults(r.counts)}` +
          ` (${pct(faulted(r.counts), r.counts.calls)}); outcomes ${JSON.stringify(r.runs)}; after the faulted runs` +
          ` ${r.faulted.linked} linked, ${r.faulted.failedRecorded} failed and recorded, ${r.faulted.unrecorded.length} unrecorded,` +
          ` ${r.faulted.duplicates.length} duplicates; healthy re-run ${JSON.stringify(r.healedRun)} → ${r.healed.linked} linked,` +
          ` ${r.healed.stripeCustomers} Stripe customers, ${r.healed.duplicates.length} duplicates`,
      );
      if (r.healed.linked !== r.customers)
        console.log("last errors after the healthy run", r.healed.lastErrors);
      expect(r.errors).toEqual([]);
      expect(faulted(r.counts) / r.counts.calls).toBeGreaterThan(options.rate / 2);
      expect(r.counts.timeouts).toBeGreaterThan(0);
      for (const a of [r.faulted, r.healed]) {
        expect(a.duplicates).toEqual([]);
        expect(a.unrecorded).toEqual([]);
        expect(a.badLinks).toEqual([]);
        expect(a.dangling).toEqual([]);
      }
      expect(r.faulted.linked + r.faulted.failedRecorded).toBe(r.customers);
      expect(r.healed.linked).toBe(r.customers);
      expect(r.healed.stripeCustomers).toBe(r.customers);
    },
    timeout,
  );
}

export function racesTest(options: Parameters<typeof racesCase>[0], timeout: number) {
  it(
    `${options.customers} customers: create user event, ${options.buttonsPerCustomer} Sync to Stripe clicks each and the mass sync at once`,
    async () => {
      const r = await racesCase(options);
      console.log(
        `reliability: races — ${r.customers} customers, each created (user event) while ${options.buttonsPerCustomer} button clicks` +
          ` (${r.suiteletCalls} Suitelet calls, ${r.suiteletOk} ok) and the mass sync (${JSON.stringify(r.massRun)}) ran;` +
          ` ${r.customerPosts} customer POSTs reached Stripe, ${r.savesDoneAtStart} saves done at start;` +
          ` next mass sync ${JSON.stringify(r.again)}; ${r.result.linked} linked, ${r.result.stripeCustomers} Stripe customers,` +
          ` ${r.result.duplicates.length} duplicates`,
      );
      expect(r.savesDoneAtStart).toBe(0);
      expect(r.customerPosts).toBeGreaterThanOrEqual(2 * r.customers);
      expect(r.errors).toEqual([]);
      expect(r.result.duplicates).toEqual([]);
      expect(r.result.badLinks).toEqual([]);
      expect(r.result.dangling).toEqual([]);
      expect(r.result.unrecorded).toEqual([]);
      expect(r.result.linked).toBe(r.customers);
      expect(r.result.stripeCustomers).toBe(r.customers);
    },
    timeout,
  );
}

export function webhooksTest(options: Parameters<typeof webhooksCase>[0], timeout: number) {
  it(
    `${options.customers} customers × ${options.changesPerCustomer} default changes: duplicates, shuffle, NetSuite down ${options.outageMs} ms, failing refetches`,
    async () => {
      const r = await webhooksCase(options);
      console.log(
        `reliability: webhooks — ${r.customers} customers, ${r.defaultChanges} default changes, ${r.events} events,` +
          ` ${r.attempts} delivery attempts (${r.delivered} 2xx), NetSuite down ${r.outageMs} ms; Suitelet answers` +
          ` ${JSON.stringify(r.answers)}; ${r.repeatsIgnored} repeats of the last applied event ignored; ${r.concurrentCopies} copies arriving while their event was being applied (told to retry); ${r.appliedTwice.length} events applied more than once,` +
          ` ${r.writes} customer writes, ${r.unchangedApplications} applications` +
          ` that found the customer up to date, ${r.writtenTwice.length} events that wrote twice;` +
          ` late duplicates replayed ${JSON.stringify(r.replays)} (${r.replayWrites} writes; ${r.lastIgnored}/${r.lastReplayed} repeats of the last applied event ignored);` +
          ` ${r.mismatched.length} customers not equal to Stripe`,
      );
      expect(r.mismatched).toEqual([]);
      // Each event is applied at most once (suiteapp README, "Webhooks"): a delivery claims the event
      // first, so a copy arriving while it is applied is told to retry and any later copy is ignored.
      expect(r.appliedTwice).toEqual([]);
      expect(r.writtenTwice).toEqual([]);
      expect(r.lastReplayed).toBeGreaterThan(0);
      expect(r.lastIgnored).toBe(r.lastReplayed);
      expect(Object.keys(r.replays)).toEqual(["ignored"]);
      expect(r.replayWrites).toBe(0);
      expect(r.answers.retry ?? 0).toBeGreaterThan(0);
      expect(r.attempts).toBeGreaterThan(r.delivered);
    },
    timeout,
  );
}

export function restartTest(options: Parameters<typeof restartCase>[0], timeout: number) {
  it(
    `${options.customers} customers: the emulated NetSuite killed (SIGKILL) mid mass sync, then run again on the same database`,
    async () => {
      const r = await restartCase(options);
      console.log(
        `reliability: restart — ${r.customers} customers, NetSuite killed by ${r.killedBy} with ${r.atKill.stripe} Stripe customers` +
          ` and ${r.atKill.linked} linked; after the kill ${r.afterKill.unrecorded.length} not reached,` +
          ` ${r.afterKill.duplicates.length} duplicates; run again: ${r.result.linked} linked, ${r.result.stripeCustomers} Stripe customers,` +
          ` ${r.result.duplicates.length} duplicates`,
      );
      expect(r.killedBy).toBe("SIGKILL");
      expect(r.atKill.stripe).toBeLessThan(r.customers);
      expect(r.afterKill.duplicates).toEqual([]);
      expect(r.afterKill.dangling).toEqual([]);
      expect(r.result.duplicates).toEqual([]);
      expect(r.result.badLinks).toEqual([]);
      expect(r.result.dangling).toEqual([]);
      expect(r.result.unrecorded).toEqual([]);
      expect(r.result.linked).toBe(r.customers);
      expect(r.result.stripeCustomers).toBe(r.customers);
    },
    timeout,
  );
}
