/**
 * Asks the webhook proxy to seal this account's webhook Suitelet URL and an endpoint's signing secret
 * into the `pp_url` Stripe will call (`POST {proxy}/seal`, the proxy's admin token as a Bearer API
 * secret that NetSuite fills in). The sealed URL is a bearer secret: never logged.
 */
import * as https from "N/https";
import * as url from "N/url";
import { fail, ok, type Result } from "@nss/core";
import { isSecretFailure } from "../stripe/https-errors.js";

/** The external (available without login) Suitelet Stripe's events reach through the proxy. */
export const WEBHOOK_SUITELET = {
  scriptId: "customscript_nss_webhook_sl",
  deploymentId: "customdeploy_nss_webhook_sl",
} as const;

export interface SealRequest {
  proxyUrl: string;
  /** `custsecret_…` holding the proxy's admin token. */
  proxySecretId: string;
  /** The endpoint's signing secret, `whsec_…`. */
  signingSecret: string;
  /** The Stripe account record's internal ID: the envelope's `accountId`. */
  accountRecordId: string;
}

/** The URL to give Stripe (`{proxy}/customer-webhook?pp_url=…`), or what went wrong. */
export function sealWebhookUrl(r: SealRequest): Result<string> {
  const target = url.resolveScript({ ...WEBHOOK_SUITELET, returnExternalUrl: true });
  const fix = `Check the Webhook Proxy URL (${r.proxyUrl}) on the configuration and that API secret ${r.proxySecretId} holds the proxy's admin token (PROXY_ADMIN_TOKEN).`;
  let response: https.ClientResponse;
  try {
    response = https.post({
      url: `${r.proxyUrl}/seal`,
      headers: {
        Authorization: https.createSecureString({ input: `Bearer {${r.proxySecretId}}` }),
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body: JSON.stringify({ url: target, secret: r.signingSecret, account: r.accountRecordId }),
    });
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (isSecretFailure(err.name ?? "", err.message ?? "", r.proxySecretId)) {
      return fail({
        code: "PROXY_SECRET_UNAVAILABLE",
        message: `NetSuite could not use the API secret ${r.proxySecretId}: ${err.name ?? "error"}: ${err.message ?? String(e)}.`,
        fix: `Create ${r.proxySecretId} in Setup > Company > Preferences > API Secrets holding the proxy's admin token (PROXY_ADMIN_TOKEN), available to the SuiteApp com.nss.stripesync and restricted to the proxy's domain.`,
      });
    }
    return fail({
      code: "PROXY_UNREACHABLE",
      message: `The webhook proxy could not be reached: ${err.name ?? "error"}: ${err.message ?? String(e)}.`,
      fix,
    });
  }
  let answer: { webhook_url?: unknown; error?: { message?: unknown } } = {};
  try {
    answer = JSON.parse(response.body || "{}");
  } catch {
    // An answer that is not JSON is reported below with its status.
  }
  if (response.code === 200 && typeof answer.webhook_url === "string") return ok(answer.webhook_url);
  const why = typeof answer.error?.message === "string" ? answer.error.message : `HTTP ${response.code}`;
  return fail({ code: "PROXY_REFUSED", message: `The webhook proxy refused to seal the URL: ${why}.`, fix });
}
