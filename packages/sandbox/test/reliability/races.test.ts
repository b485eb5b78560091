/**
 * Races: the user event, the Sync to Stripe button and the mass sync on the same customers at once.
 * Sized by the caller; returns its figures.
 */
import { saveCustomer } from "@nss/suiteapp/system";
import {
  type Audit,
  audit,
  Cleanup,
  openAccount,
  prng,
  SYNC_SL,
  SYNC_SL_DEPLOY,
  startStripe,
} from "../world.js";
import { mapErrors, massSync, type Outcomes, until } from "./common.js";

export interface RacesResult {
  customers: number;
  /** Saves that had returned when the button and the mass sync were started (0: all overlapped). */
  savesDoneAtStart: number;
  suiteletCalls: number;
  suiteletOk: number;
  /** POSTs to /v1/customers and /v1/customers/{id} that reached Stripe. */
  customerPosts: number;
  massRun: Outcomes;
  errors: string[];
  result: Audit;
  again: Outcomes;
}

/**
 * New customers saved (the create user event syncs them), and while their user events are still
 * waiting on Stripe, the Sync to Stripe button's Suitelet (`buttonsPerCustomer` clicks each) and the
 * mass sync on the same customers, all at once. Stripe POSTs are slowed down (and some fail after
 * running) so that every trigger is in flight at the same time.
 */
export async function racesCase(options: {
  customers: number;
  buttonsPerCustomer: number;
  concurrency: number;
  postDelayMs: number;
  after500Rate: number;
  seed: number;
}): Promise<RacesResult> {
  const cleanup = new Cleanup();
  try {
    const stripeEmulator = await startStripe(cleanup);
    const { ns, stripe } = await openAccount(cleanup, stripeEmulator, {
      key: `sk_test_nssRelRaces${options.seed}`,
      autoSync: true,
      concurrency: options.concurrency,
    });
    const random = prng(options.seed);
    let customerPosts = 0;
    const faults = stripeEmulator.faults;
    faults.take = (method: string, path: string) => {
      if (method !== "POST") return undefined;
      if (path === "/v1/customers" || /^\/v1\/customers\/cus_[^/]+$/.test(path)) customerPosts += 1;
      if (random() < options.after500Rate) {
        return { kind: "500", phase: "after", count: 1, delayMs: options.postDelayMs, probability: 1 };
      }
      return { kind: "delay", phase: "before", count: 1, delayMs: options.postDelayMs, probability: 1 };
    };
    const emails = Array.from({ length: options.customers }, (_, i) => `race${i}@reliability.example.com`);
    let savesDone = 0;
    const saves = emails.map((email, i) =>
      saveCustomer(ns, { companyname: `Race ${i} Ltd`, email }).then((id) => {
        savesDone += 1;
        return id;
      }),
    );
    // The emulator writes the record before afterSubmit runs: start the rest as soon as all exist.
    const idOf = (email: string) =>
      ns.data.listRecords("customer").find((r) => r.values.email === email)?.id as number | undefined;
    await until(() => emails.every((e) => idOf(e) !== undefined), 30_000, 5);
    const savesDoneAtStart = savesDone;
    const ids = emails.map((e) => idOf(e) as number);
    const clicks = ids.flatMap((id) =>
      Array.from({ length: options.buttonsPerCustomer }, () =>
        ns.invokeSuitelet(SYNC_SL, SYNC_SL_DEPLOY, {
          method: "POST",
          parameters: { customerId: String(id) },
        }),
      ),
    );
    const [, answers, mass] = await Promise.all([Promise.all(saves), Promise.all(clicks), massSync(ns)]);
    faults.take = () => undefined;
    const suiteletOk = answers.filter((a) => (JSON.parse(a.body) as { ok?: boolean }).ok === true).length;
    const errors = mapErrors(mass.summary);
    // The failed ones (a 500 after the create ran) are linked by an administrator's next mass sync.
    const again = await massSync(ns);
    errors.push(...mapErrors(again.summary));
    return {
      customers: ids.length,
      savesDoneAtStart,
      suiteletCalls: answers.length,
      suiteletOk,
      customerPosts,
      massRun: mass.outcomes,
      errors,
      result: await audit(ns, stripe, ids),
      again: again.outcomes,
    };
  } finally {
    await cleanup.run();
  }
}

// ---------------------------------------------------------------------------------------------------
// webhooks
