/**
 * The sandbox's own Stripe calls (seeding, the demo's checks) under Stripe's rate limits, which
 * `npm start` switches on in the Stripe emulator: a 429 is retried with exponential backoff and jitter,
 * as Stripe asks (docs.stripe.com/rate-limits, "Handling limiting gracefully"). The SDK itself does not
 * retry a plain 429.
 */
import type Stripe from "stripe";

const ATTEMPTS = 8;
const FIRST_WAIT_MS = 100;

const limited = (e: unknown): boolean => (e as { statusCode?: unknown } | null)?.statusCode === 429;

export async function paced<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (!limited(e) || attempt >= ATTEMPTS) throw e;
      const wait = FIRST_WAIT_MS * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, wait / 2 + Math.random() * (wait / 2)));
    }
  }
}

/** Every customer of the account, 100 a page, each page paced. */
export async function allCustomers(stripe: Stripe): Promise<Stripe.Customer[]> {
  const out: Stripe.Customer[] = [];
  let startingAfter: string | undefined;
  for (;;) {
    const page = await paced(() =>
      stripe.customers.list({ limit: 100, ...(startingAfter ? { starting_after: startingAfter } : {}) }),
    );
    out.push(...page.data);
    const last = page.data.at(-1);
    if (!page.has_more || last === undefined) return out;
    startingAfter = last.id;
  }
}
