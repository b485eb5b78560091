/** With `tls`, the emulator serves HTTPS: what NetSuite's N/https (https:// only) can call. */
import { readFileSync } from "node:fs";
import { Agent } from "node:https";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { startStripeEmulator } from "../src/index.js";

const pem = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe("the emulator over TLS", () => {
  it("serves the API over https with the given certificate", async () => {
    const emulator = await startStripeEmulator({ tls: { key: pem("key.pem"), cert: pem("cert.pem") } });
    try {
      expect(emulator.url).toBe(`https://127.0.0.1:${emulator.port}`);
      const stripe = new Stripe("sk_test_tls", {
        host: "127.0.0.1",
        port: emulator.port,
        protocol: "https",
        httpAgent: new Agent({ ca: pem("cert.pem") }),
      });
      const customer = await stripe.customers.create({ email: "tls@example.com" });
      expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
        email: "tls@example.com",
      });
      // A client that does not trust the certificate is refused by TLS itself.
      await expect(fetch(`${emulator.url}/_emulator/health`)).rejects.toThrow();
    } finally {
      await emulator.close();
    }
  });
});
