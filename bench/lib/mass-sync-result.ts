/** What `bench/mass-sync.ts --json` prints last, and what bench/run-all.ts reads back. */
import type { ModelMatrix } from "./real-account.js";

/** Units of one map/reduce run. */
export interface RunUnits {
  getInputData: number;
  map: number;
  reduce: number;
  summarize: number;
  total: number;
  /** Average map units of the customers of each outcome (created, updated, refreshed, …). */
  perOutcome: Record<string, number>;
}

/** One map/reduce run as `--json` reports it. */
export interface RunResult {
  label: string;
  script: string;
  /** Customers the run looked at (the search's, whether or not they reached map). */
  customers: number;
  outcomes: Record<string, number>;
  mapInvocations: number;
  /** Of those, the ones of one customer (keys that are internal IDs), not of a window or the run's counts. */
  customerMapInvocations: number;
  reduceInvocations: number;
  /** Requests to /v1/ the Stripe emulator received during the run, 429s included. */
  stripeCalls: number;
  rateLimited: number;
  units: RunUnits;
  wallSeconds: number;
  /** The run priced for a real account at `modelCustomers`, per profile and processor count. */
  modelled: ModelMatrix;
}

/** The design before this work, priced the same way. */
export interface TodayModel {
  daily: ModelMatrix;
  first: ModelMatrix;
  refresh: ModelMatrix;
}

/** The create trigger: one customer save with Auto Sync on Create off, one with it on. */
export interface CreateTrigger {
  off: { roundTrips: number; ms: number };
  on: { roundTrips: number; ms: number; units: number };
}

/** The line `--json` prints last. */
export interface MassSyncResult {
  bench: "mass-sync";
  customers: number;
  modelCustomers: number;
  stripeLimits: boolean;
  seedSeconds: number;
  runs: RunResult[];
  refresh: RunResult[];
  today: TodayModel;
  createTrigger: CreateTrigger;
  /** Where the modelled first sync's time goes (typical profile, 2 processors), and its largest part. */
  firstSyncBreakdown: { parts: Record<string, number>; bottleneck: string };
  peakRssMb: number;
  node: string;
}
