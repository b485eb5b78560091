/** What the official stripe-node SDK puts on the wire, captured with a fake fetch (no network). */
import Stripe from "stripe";

export interface CapturedRequest {
  method: string;
  url: string;
  body: string | undefined;
}

/** A Stripe client whose every request is recorded and answered with an empty customer list. */
export function capturingStripe(): { stripe: Stripe; requests: CapturedRequest[] } {
  const requests: CapturedRequest[] = [];
  const fakeFetch = async (url: unknown, init?: { method?: string; body?: unknown }): Promise<Response> => {
    requests.push({
      method: init?.method ?? "GET",
      url: String(url),
      body: typeof init?.body === "string" ? init.body : undefined,
    });
    return new Response(JSON.stringify({ id: "cus_Test", object: "customer", data: [], has_more: false }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
  const stripe = new Stripe("sk_test_x", {
    httpClient: Stripe.createFetchHttpClient(fakeFetch as typeof fetch),
    maxNetworkRetries: 0,
  });
  return { stripe, requests };
}

/** The query string of a captured GET. */
export function queryOf(request: CapturedRequest | undefined): string {
  const url = request?.url ?? "";
  return url.slice(url.indexOf("?") + 1);
}
