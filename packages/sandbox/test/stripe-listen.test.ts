/**
 * Real Stripe cannot be reached from here, so the `stripe listen` path is checked against the emulator:
 * with the CLI's signing secret stored and sealed, an event signed with that secret and posted to the
 * printed forward URL goes through the proxy and NetSuite's own signature check.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, runSandbox } from "../src/index.js";
import { prepareStripeListen } from "../src/stripe-listen.js";

const SECRET = "whsec_sandboxListenTest0123456789";
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await runSandbox(
    { customers: 4, port: 0, stripeKeys: [], webhookSecrets: [], once: false, host: "127.0.0.1" },
    { out: { write: () => true }, startConsole: null },
  );
});
afterAll(async () => {
  await sandbox?.close();
});

const signed = (payload: string, secret: string) => {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${payload}`).digest("hex")}`;
};

describe("webhooks forwarded by stripe listen", () => {
  it("stores the CLI's secret, seals the Suitelet URL, and lets a forwarded event through", async () => {
    const { system } = sandbox;
    const targets = await prepareStripeListen(system, [SECRET], system.proxyToken);
    expect(targets.map((t) => t.account)).toEqual(["Main"]);
    const forwardTo = targets[0]?.forwardTo ?? "";
    expect(forwardTo.startsWith(`${system.receiving.url}/customer-webhook?pp_url=v1.`)).toBe(true);

    const main = system.accounts[0];
    const [event] = (await main?.stripe.events.list({ type: "customer.created", limit: 1 }))?.data ?? [];
    const payload = JSON.stringify(event);
    const post = (signature: string) =>
      fetch(forwardTo, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
        body: payload,
      });
    const ok = await post(signed(payload, SECRET));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ received: true });
    // Signed with another secret (the endpoint's own, say): refused.
    expect((await post(signed(payload, "whsec_other0123456789"))).status).toBe(400);
  });
});
