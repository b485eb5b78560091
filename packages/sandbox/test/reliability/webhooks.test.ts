/**
 * Webhooks: linked customers whose default payment method changes several times in Stripe; delivery
 * with duplicates and shuffled order; NetSuite's server closed for `outageMs` (connections refused) and
 * started again on the same ports; and some of NetSuite's refetches of the customer failing (Stripe
 * 500s), so the Suitelet answers retry. Stripe retries on its schedule (compressed). Each event is
 * applied at most once, late duplicates change nothing, and every customer ends equal to Stripe.
 */
import { startNetSuiteServer } from "@nss/netsuite-emulator";
import { CUSTOMER_FIELDS, SCRIPTS } from "@nss/suiteapp/ids";
import { customer, SYNC_USER, saveCustomer, startSystem } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { LONG, prng, sleep } from "./world.js";

/** Short in `npm test`, long in `npm run test:reliability`. */
const size = LONG
  ? {
      customers: 20,
      changesPerCustomer: 10,
      outageMs: 600,
      refetchFaultRate: 0.25,
      seed: 20,
      timeout: 300_000,
    }
  : { customers: 4, changesPerCustomer: 4, outageMs: 300, refetchFaultRate: 0.2, seed: 11, timeout: 60_000 };

describe(LONG ? "reliability: webhooks at scale" : "reliability: webhooks", () => {
  it(
    `${size.customers} customers × ${size.changesPerCustomer} default changes: duplicates, shuffle, NetSuite down ${size.outageMs} ms, failing refetches`,
    async () => {
      const system = await startSystem({
        key: `sk_test_nssRelHooks${size.seed}`,
        stripe: { retryScale: 0.0002, defaultPortalConfiguration: true },
        proxies: true,
        netsuite: { user: SYNC_USER },
      });
      try {
        const { ns, stripe } = system;
        const random = prng(size.seed);
        // Observe what the webhook Suitelet answers, per event (the proxy turns it into Stripe's status).
        const answers: Record<string, number> = {};
        const applied = new Map<string, number>();
        let repeatsIgnored = 0;
        let concurrentCopies = 0;
        const written = new Map<string, number>();
        const forwardedBodies = new Map<string, string>();
        let observing = true;
        let unchangedApplications = 0;
        const invoke = ns.invokeSuitelet.bind(ns);
        ns.invokeSuitelet = async (scriptId, deploymentId, request) => {
          const response = await invoke(scriptId, deploymentId, request);
          if (scriptId === SCRIPTS.webhookSuitelet.scriptId && observing) {
            const body = String(request.body);
            // Version 2 carries the signed payload only (version 1 carried the envelope too).
            const forwarded = JSON.parse(body) as { envelope?: { eventId?: string }; payload?: string };
            const id =
              forwarded.envelope?.eventId ??
              (forwarded.payload ? (JSON.parse(forwarded.payload) as { id?: string }).id : undefined);
            if (id) forwardedBodies.set(id, body);
            const result = String((JSON.parse(response.body) as { result?: string }).result);
            answers[result] = (answers[result] ?? 0) + 1;
            const message = String((JSON.parse(response.body) as { message?: string }).message);
            if (result === "ignored" && message.endsWith("was already applied.")) repeatsIgnored += 1;
            if (result === "retry" && message.includes("is being applied by another delivery"))
              concurrentCopies += 1;
            if (result === "applied") {
              const eventId = String(id);
              // "Customer 12: Refreshed: …" or "Cleared: …" wrote the customer; "Unchanged: …" did not.
              if (/^Customer \d+: (Refreshed|Cleared):/.test(message))
                written.set(eventId, (written.get(eventId) ?? 0) + 1);
              else unchangedApplications += 1;
              applied.set(eventId, (applied.get(eventId) ?? 0) + 1);
            }
          }
          return response;
        };

        // Set up: linked customers with three cards each, Enable Webhook checked, and Stripe's deliveries
        // duplicated and shuffled.
        const ids: number[] = [];
        for (let i = 0; i < size.customers; i++) {
          ids.push(
            await saveCustomer(ns, {
              companyname: `Hook ${i} Ltd`,
              email: `hook${i}@reliability.example.com`,
            }),
          );
        }
        await system.setWebhook(true);
        const stripeIds = ids.map((id) => String(customer(ns, id)[CUSTOMER_FIELDS.stripeCustomerId]));
        if (!stripeIds.every((s) => s.startsWith("cus_"))) throw new Error("a customer was not linked");
        const pms: string[][] = [];
        for (const sid of stripeIds) {
          const cards: string[] = [];
          for (const token of ["pm_card_visa", "pm_card_mastercard", "pm_card_amex"]) {
            cards.push((await stripe.paymentMethods.attach(token, { customer: sid })).id);
          }
          pms.push(cards);
        }
        await system.admin("webhooks/flush");
        await system.admin("webhooks", { body: { duplicates: true, shuffle: true, retryScale: 0.0005 } });

        // Do: change each customer's default card in Stripe, half of the changes before NetSuite goes down
        // and half while it is down, with NetSuite's refetches of the customer failing; then, once every
        // delivery settled, compare each customer with Stripe and send every forwarded request again.
        let defaultChanges = 0;
        const changeDefaults = async (rounds: number) => {
          for (let r = 0; r < rounds; r++) {
            await Promise.all(
              stripeIds.map((sid, i) => {
                const cards = pms[i] as string[];
                const pm = cards[Math.floor(random() * cards.length)] as string;
                defaultChanges += 1;
                return stripe.customers.update(sid, { invoice_settings: { default_payment_method: pm } });
              }),
            );
          }
        };
        const half = Math.ceil(size.changesPerCustomer / 2);
        // Duplicates and shuffled order, with refetches failing: the Stripe client tries 3 times, so a run
        // of 500s makes the Suitelet answer retry for a few events, then some at random.
        system.stripeEmulator.faults.add({
          kind: "500",
          method: "GET",
          pathPrefix: "/v1/customers/cus_",
          count: 3 * size.customers,
        });
        system.stripeEmulator.faults.add({
          kind: "500",
          method: "GET",
          pathPrefix: "/v1/customers/cus_",
          probability: size.refetchFaultRate,
          count: 100_000,
        });
        await changeDefaults(half);
        // NetSuite down: its server closed while events are being delivered, then started on the same ports.
        const { server } = system;
        const appPort = Number(new URL(server.appUrl).port);
        const formsPort = Number(new URL(server.formsUrl).port);
        await server.close();
        await changeDefaults(size.changesPerCustomer - half);
        await sleep(size.outageMs);
        const restarted = await startNetSuiteServer(ns, { port: appPort, formsPort });
        // system.close() closes `server`: make it close the running one.
        Object.assign(server, { close: () => restarted.close() });
        await system.admin("webhooks/flush");
        system.stripeEmulator.faults.clear();
        await system.admin("webhooks", { body: { duplicates: false, shuffle: false } });

        // Every customer's default payment method in NetSuite is Stripe's current one.
        const mismatched: number[] = [];
        for (const [i, sid] of stripeIds.entries()) {
          const current = (await stripe.customers.retrieve(sid)) as Stripe.Customer;
          const want = current.invoice_settings.default_payment_method;
          const id = ids[i] as number;
          if (
            customer(ns, id)[CUSTOMER_FIELDS.defaultPaymentMethodId] !==
            (typeof want === "string" ? want : want?.id)
          ) {
            mismatched.push(id);
          }
        }
        // Late duplicates, one at a time: each event's forwarded request once more, then at once again
        // (a repeat of the event the link has just applied).
        observing = false;
        const replays: Record<string, number> = {};
        let replayWrites = 0;
        let lastReplayed = 0;
        let lastIgnored = 0;
        const replay = async (body: string) =>
          JSON.parse(
            (
              await ns.invokeSuitelet(
                SCRIPTS.webhookSuitelet.scriptId,
                SCRIPTS.webhookSuitelet.deploymentId,
                {
                  method: "POST",
                  body,
                },
              )
            ).body,
          ) as { result: string; message: string };
        for (const body of forwardedBodies.values()) {
          const answer = await replay(body);
          replays[answer.result] = (replays[answer.result] ?? 0) + 1;
          if (/^Customer \d+: (Refreshed|Cleared):/.test(answer.message)) replayWrites += 1;
          if (answer.result === "applied" || answer.message.endsWith("was already applied.")) {
            lastReplayed += 1;
            if ((await replay(body)).result === "ignored") lastIgnored += 1;
          }
        }
        const { data } = (await system.admin("deliveries?limit=1000000", {
          method: "GET",
          key: system.key,
        })) as {
          data: { eventId: string; httpStatus: number | null }[];
        };
        const attempts = data.length;
        const delivered = data.filter(
          (d) => d.httpStatus !== null && d.httpStatus >= 200 && d.httpStatus < 300,
        ).length;
        const events = new Set(data.map((d) => d.eventId)).size;
        const appliedTwice = [...applied].filter(([, n]) => n > 1).map(([e]) => e);
        const writtenTwice = [...written].filter(([, n]) => n > 1).map(([e]) => e);
        const writes = [...written.values()].reduce((a, b) => a + b, 0);

        // Check.
        console.log(
          `reliability: webhooks — ${ids.length} customers, ${defaultChanges} default changes, ${events} events,` +
            ` ${attempts} delivery attempts (${delivered} 2xx), NetSuite down ${size.outageMs} ms; Suitelet answers` +
            ` ${JSON.stringify(answers)}; ${repeatsIgnored} repeats of the last applied event ignored; ${concurrentCopies} copies arriving while their event was being applied (told to retry); ${appliedTwice.length} events applied more than once,` +
            ` ${writes} customer writes, ${unchangedApplications} applications` +
            ` that found the customer up to date, ${writtenTwice.length} events that wrote twice;` +
            ` late duplicates replayed ${JSON.stringify(replays)} (${replayWrites} writes; ${lastIgnored}/${lastReplayed} repeats of the last applied event ignored);` +
            ` ${mismatched.length} customers not equal to Stripe`,
        );
        expect(mismatched).toEqual([]);
        // Each event is applied at most once (suiteapp README, "Webhooks"): a delivery claims the event
        // first, so a copy arriving while it is applied is told to retry and any later copy is ignored.
        expect(appliedTwice).toEqual([]);
        expect(writtenTwice).toEqual([]);
        expect(lastReplayed).toBeGreaterThan(0);
        expect(lastIgnored).toBe(lastReplayed);
        expect(Object.keys(replays)).toEqual(["ignored"]);
        expect(replayWrites).toBe(0);
        expect(answers.retry ?? 0).toBeGreaterThan(0);
        expect(attempts).toBeGreaterThan(delivered);
      } finally {
        await system.close();
      }
    },
    size.timeout,
  );
});
