/**
 * The mass sync benchmark's section of docs/benchmarks.md (bench/run-all.ts writes the file): the
 * goals of issue 15 beside what was measured and modelled, the runs, and the real-account model per
 * profile and processor count.
 */
import type { MassSyncResult, RunResult } from "./mass-sync-result.js";
import { duration, type ModelMatrix, PROCESSORS, PROFILES } from "./real-account.js";

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "?");
const f3 = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : "?");
const int = (n: number) => n.toLocaleString("en-US");
const ORDER = ["created", "linked", "updated", "refreshed", "cleared", "unchanged", "unlinked", "failed"];
const outcomeText = (o: Record<string, number>) =>
  Object.entries(o)
    .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
    .map(([k, v]) => `${k} ${int(v)}`)
    .join(", ");

/** Stripe calls answered (not 429) per customer of the given outcomes. */
const callsPer = (r: RunResult | undefined, outcomes: string[]) => {
  if (!r) return Number.NaN;
  const n = outcomes.reduce((a, o) => a + (r.outcomes[o] ?? 0), 0);
  return (r.stripeCalls - r.rateLimited) / Math.max(1, n);
};
const typical2 = (m: ModelMatrix | undefined) => m?.typical[2]?.seconds ?? Number.NaN;

export function massSyncMarkdown(r: MassSyncResult): string[] {
  const [first, daily, unchanged] = r.runs;
  const [, refreshed] = r.refresh;
  const m = int(r.modelCustomers);
  const units = (run: RunResult | undefined, outcome: string) =>
    f1(run?.units.perOutcome[outcome] ?? Number.NaN);
  const perCustomer = (run: RunResult | undefined) =>
    run ? run.units.total / Math.max(1, run.customers) : Number.NaN;
  const md: string[] = [
    `## Cost follows what changed (N=${int(r.customers)}, modelled at ${m})`,
    "",
    "Measured: governance units and Stripe calls as the emulators count them. Modelled: each run's trace of" +
      ` round trips extrapolated to ${m} customers and priced with the NetSuite emulator's latency profiles` +
      " (estimates from public reports: Oracle publishes none) on the account's processors, with Stripe's live" +
      ' limits as calendars (100 requests/s per account, 25/s per operation). "Before" is the design before' +
      " this work, rebuilt from its round trips per customer (issue 15's table) and priced the same way.",
    "",
    "| measure | before | now | goal |",
    "|---|---|---|---|",
    `| unchanged customer, mass sync | 57 units, 0 Stripe calls, a map invocation each | ${unchanged ? `${int(unchanged.customerMapInvocations)} map invocations of a customer among ${int(unchanged.customers)} (${int(unchanged.mapInvocations - unchanged.customerMapInvocations)} for the run's counts); ${f3(perCustomer(unchanged))} units per customer for the whole run` : "?"} | 0 map invocations; ≤ 0.5 units per customer |`,
    `| changed customer | 69 units, 1 call | ${units(daily, "updated")} units, ${f1(callsPer(daily, ["updated"]))} calls | ≤ 25 units, 1 call |`,
    `| new customer | 93 units, 2 calls | ${units(first, "created")} units, ${f1(callsPer(first, ["created", "linked", "failed"]))} calls per customer of the run | ≤ 40 units, ≤ 2 calls |`,
    `| refresh, unchanged customer | 25 units, 1 call | ${refreshed ? `${f3(perCustomer(refreshed))} units, ${f3((refreshed.stripeCalls - refreshed.rateLimited) / Math.max(1, refreshed.customers))} calls per customer` : "?"} | ≤ 1 unit, ≤ 0.02 calls |`,
    `| create trigger, Auto Sync on Create off | 20 units (2 searches) | ${r.createTrigger.off.roundTrips} round trips (0 units), ${int(r.createTrigger.off.ms)} ms modelled; on: ${r.createTrigger.on.roundTrips} round trips, ${r.createTrigger.on.units} units, ${int(r.createTrigger.on.ms)} ms | 0 units |`,
    `| daily mass sync of ${m} (1% changed), 2 processors, typical | ${duration(typical2(r.today.daily))} | ${duration(typical2(daily?.modelled))} | ≤ 15 min |`,
    `| daily refresh of ${m}, 2 processors, typical | ${duration(typical2(r.today.refresh))} | ${duration(typical2(refreshed?.modelled))} | ≤ 15 min |`,
    `| first sync of ${m} new customers, 2 processors, typical, Stripe's live limits | ${duration(typical2(r.today.first))} | ${duration(typical2(first?.modelled))}; bottleneck: ${r.firstSyncBreakdown.bottleneck} | ≤ 12 h, bottleneck named |`,
    "",
    "The first sync misses its goal on 2 processors: each new customer costs two Stripe round trips one" +
      " after the other (the lookup by email, which keeps Stripe free of duplicates, and the create) and two" +
      " NetSuite writes (its link and its own fields), about 2 s in the typical profile; Stripe's limits are" +
      " far away (a processor makes about one call a second). Overlapping the Stripe calls of several" +
      ' customers would need N/https promises, which Oracle calls non-blocking but "not for bulk processing' +
      ' use cases" (Asynchronous Server-Side Promises), so the sync does not rely on them. Five processors' +
      " (SuiteCloud Plus) bring it under 12 hours; it runs once per account.",
    "",
    `Where the modelled first sync's time goes (typical profile, 2 processors; seconds of processor time, summed over invocations): ${Object.entries(
      r.firstSyncBreakdown.parts,
    )
      .map(([k, v]) => `${k} ${int(Math.round(v))}`)
      .join(", ")}.`,
    "",
    `### The runs (N=${int(r.customers)})`,
    "",
    "The SuiteApp in the NetSuite emulator (SQLite file, its clock on for the traces) against the Stripe" +
      ` emulator in the same process over HTTPS${r.stripeLimits ? " with Stripe's limits on after seeding (a live key)" : ""}.` +
      ` ${int(r.customers)} customers seeded in ${f1(r.seedSeconds)} s (Auto Sync on Create off; ~5% already in` +
      " Stripe by email, so linked; ~2% without an email, so failed by design). Units per outcome are map's" +
      " (or reduce's) units for one customer of that outcome. \"here\" is this machine's wall time, with the" +
      ' emulators answering in microseconds; "modelled" is the real-account time at N, typical profile, 2 processors.',
    "",
    "| run | customers | outcomes | map / reduce invocations | Stripe calls (429) | units: getInputData / map / reduce / summarize / total | units per outcome | here s | modelled |",
    "|---|---|---|---|---|---|---|---|---|",
    ...[...r.runs, ...r.refresh].map(
      (run) =>
        `| ${run.label} | ${int(run.customers)} | ${outcomeText(run.outcomes)} | ${int(run.mapInvocations)} / ${int(run.reduceInvocations)}` +
        ` | ${int(run.stripeCalls)} (${int(run.rateLimited)}) | ${run.units.getInputData} / ${run.units.map} / ${run.units.reduce} / ${run.units.summarize} / ${run.units.total}` +
        ` | ${Object.entries(run.units.perOutcome)
          .map(([k, v]) => `${k} ${f1(v)}`)
          .join(
            ", ",
          )} | ${f1(run.wallSeconds)} | ${duration(run.modelled.typical[2]?.seconds ?? Number.NaN)} at ${m} |`,
    ),
    "",
    `### Modelled on a real account (${m} customers)`,
    "",
    `| run | profile | ${PROCESSORS.map((n) => `${n} processors`).join(" | ")} |`,
    `|---|---|${PROCESSORS.map(() => "---").join("|")}|`,
  ];
  const rows = (name: string, matrix: ModelMatrix | undefined) => {
    if (!matrix) return;
    for (const p of PROFILES) {
      md.push(
        `| ${name} | ${p} | ${PROCESSORS.map((n) => duration(matrix[p][n]?.seconds ?? Number.NaN)).join(" | ")} |`,
      );
    }
  };
  rows("daily mass sync (1% changed), before", r.today.daily);
  rows("daily mass sync (1% changed), now", daily?.modelled);
  rows("daily mass sync, nothing changed, now", unchanged?.modelled);
  rows("daily refresh, before", r.today.refresh);
  rows("daily refresh, nothing changed, now", refreshed?.modelled);
  rows("first sync, before", r.today.first);
  rows("first sync, now", first?.modelled);
  md.push("");
  return md;
}
