/**
 * Webhooks with real Stripe: Stripe cannot reach a proxy on 127.0.0.1, so the Stripe CLI forwards the
 * events (`stripe listen --forward-to …`). It signs them with its own secret (`stripe listen
 * --print-secret`), so that secret becomes each account record's signing secret, and the proxy seals
 * the webhook Suitelet's external URL with it, as Enable Webhook would for an endpoint of its own.
 */
import { SCRIPTS, STRIPE_ACCOUNT_RECORD } from "@nss/suiteapp/ids";
import type { System } from "./boot.js";

const WEBHOOK_SUITELET = {
  script: SCRIPTS.webhookSuitelet.scriptId,
  deploy: SCRIPTS.webhookSuitelet.deploymentId,
};

export interface ListenTarget {
  account: string;
  /** The proxy URL with its sealed `pp_url`, for `stripe listen --forward-to`. */
  forwardTo: string;
}

export async function prepareStripeListen(
  system: System,
  secrets: string[],
  adminToken: string,
): Promise<ListenTarget[]> {
  const { ns, server } = system;
  const { script, deploy } = WEBHOOK_SUITELET;
  const token = ns.host.externalToken(script, deploy);
  const target = `${server.formsUrl}/app/site/hosting/scriptlet.nl?script=${script}&deploy=${deploy}&compid=${encodeURIComponent(ns.host.accountId)}&ns-at=${encodeURIComponent(token)}`;
  const out: ListenTarget[] = [];
  for (const [i, account] of system.accounts.entries()) {
    const secret = secrets[i];
    if (!secret) continue;
    ns.data.submitFields(STRIPE_ACCOUNT_RECORD.type, Number(account.recordId), {
      [STRIPE_ACCOUNT_RECORD.webhook.secret]: secret,
    });
    // The receiving proxy has the same keys and token as the sealing one, over plain HTTP.
    const res = await fetch(`${system.receiving.url}/seal`, {
      method: "POST",
      headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ url: target, secret, account: account.recordId }),
    });
    if (!res.ok)
      throw new Error(`the proxy refused to seal the webhook URL: ${res.status} ${await res.text()}`);
    const sealed = (await res.json()) as { webhook_url: string };
    out.push({ account: account.name, forwardTo: sealed.webhook_url });
  }
  return out;
}
