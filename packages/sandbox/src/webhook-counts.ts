/**
 * What the webhook proxy did with Stripe's events, read from its `/metrics` (Prometheus text): received,
 * dropped (verified, but unable to change a default payment method: answered without NetSuite), and
 * forwarded to NetSuite. A first sync makes Stripe send an event per customer it creates or links; the
 * proxy should forward almost none of them.
 */
export interface WebhookCounts {
  received: number;
  dropped: number;
  forwarded: number;
}

/** Sums the samples of one metric family (every label set). */
function total(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`))
      sum += Number(line.slice(line.lastIndexOf(" ") + 1)) || 0;
  }
  return sum;
}

export async function readWebhookCounts(proxyUrl: string): Promise<WebhookCounts> {
  const text = await (await fetch(`${proxyUrl}/metrics`)).text();
  return {
    received: total(text, "nss_proxy_received_total"),
    dropped: total(text, "nss_proxy_dropped_total"),
    forwarded: total(text, "nss_proxy_forwarded_total"),
  };
}
