import { describe, expect, it } from "vitest";
import { decodeForm } from "../src/form.js";
import type { RequestValidation } from "../src/validate-request.js";
import { validateRequest } from "../src/validate-request.js";

/** Decodes a form body or query string as the emulator will, then validates it. */
function request(method: string, path: string, form = ""): RequestValidation {
  const decoded = decodeForm(form);
  if (!decoded.ok) throw new Error(`test body does not decode: ${decoded.error.message}`);
  return validateRequest(method, path, decoded.params);
}

function expectOk(result: RequestValidation, operationId: string): Extract<RequestValidation, { ok: true }> {
  if (!result.ok) throw new Error(`expected ${operationId} to pass: ${result.error.message}`);
  expect(result.operationId).toBe(operationId);
  return result;
}

function expectError(result: RequestValidation, message: string, param?: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.status).toBe(400);
  expect(result.error.type).toBe("invalid_request_error");
  expect(result.error.message).toBe(message);
  expect(result.error.param).toBe(param);
}

describe("validateRequest: good requests", () => {
  it("accepts a create-customer body as stripe-node sends it, and returns it coerced", () => {
    const result = request(
      "POST",
      "/v1/customers",
      "email=a%40b.co&name=Ada&address[city]=Oslo&address[country]=NO&metadata[netsuite_customer_id]=107" +
        "&preferred_locales[0]=nb&expand[0]=invoice_settings.default_payment_method&balance=-500",
    );
    expect(expectOk(result, "PostCustomers").params).toEqual({
      email: "a@b.co",
      name: "Ada",
      address: { city: "Oslo", country: "NO" },
      metadata: { netsuite_customer_id: "107" },
      preferred_locales: ["nb"],
      expand: ["invoice_settings.default_payment_method"],
      balance: -500,
    });
  });

  it("accepts '' to clear a field on update, with the path param extracted", () => {
    const result = expectOk(
      request(
        "POST",
        "/v1/customers/cus_123",
        "phone=&address=&metadata[old]=&invoice_settings[default_payment_method]=pm_1",
      ),
      "PostCustomersCustomer",
    );
    expect(result.pathParams).toEqual({ customer: "cus_123" });
    expect(result.params).toEqual({
      phone: "",
      address: "",
      metadata: { old: "" },
      invoice_settings: { default_payment_method: "pm_1" },
    });
  });

  it("lists customers by email, coercing limit to an integer", () => {
    const result = expectOk(request("GET", "/v1/customers", "email=a%40b.co&limit=10"), "GetCustomers");
    expect(result.params).toEqual({ email: "a@b.co", limit: 10 });
  });

  it("accepts deepObject ranges and plain integers for created", () => {
    const range = expectOk(
      request("GET", "/v1/events", "created[gt]=1700000000&created[lte]=1800000000"),
      "GetEvents",
    );
    expect(range.params).toEqual({ created: { gt: 1700000000, lte: 1800000000 } });
    const exact = expectOk(
      request("GET", "/v1/events", "created=1700000000&types[]=customer.updated"),
      "GetEvents",
    );
    expect(exact.params).toEqual({ created: 1700000000, types: ["customer.updated"] });
  });

  it("routes /v1/customers/search to search, not to retrieve a customer called 'search'", () => {
    const result = request(
      "GET",
      "/v1/customers/search",
      "query=metadata%5B%27netsuite_id%27%5D%3A%27107%27&limit=20",
    );
    expect(expectOk(result, "GetCustomersSearch").params).toEqual({
      query: "metadata['netsuite_id']:'107'",
      limit: 20,
    });
  });

  it("retrieves and deletes a customer, with expand accepted on every operation", () => {
    expectOk(
      request("GET", "/v1/customers/cus_1", "expand[]=invoice_settings.default_payment_method"),
      "GetCustomersCustomer",
    );
    expectOk(request("DELETE", "/v1/customers/cus_1", "expand[0]=x"), "DeleteCustomersCustomer");
  });

  it("handles the payment method operations", () => {
    expectOk(
      request("GET", "/v1/customers/cus_1/payment_methods", "type=card&limit=3"),
      "GetCustomersCustomerPaymentMethods",
    );
    const one = expectOk(
      request("GET", "/v1/customers/cus_1/payment_methods/pm_1"),
      "GetCustomersCustomerPaymentMethodsPaymentMethod",
    );
    expect(one.pathParams).toEqual({ customer: "cus_1", payment_method: "pm_1" });
    expectOk(request("GET", "/v1/payment_methods", "customer=cus_1&type=card"), "GetPaymentMethods");
    expectOk(
      request("POST", "/v1/payment_methods/pm_1/attach", "customer=cus_1"),
      "PostPaymentMethodsPaymentMethodAttach",
    );
    expectOk(request("POST", "/v1/payment_methods/pm_1/detach"), "PostPaymentMethodsPaymentMethodDetach");
    expectOk(
      request("POST", "/v1/payment_methods/pm_1", "card[exp_month]=12&card[exp_year]=2030"),
      "PostPaymentMethodsPaymentMethod",
    );
  });

  it("creates a billing portal session and configuration", () => {
    const session = request(
      "POST",
      "/v1/billing_portal/sessions",
      "customer=cus_1&return_url=https%3A%2F%2Fexample.com%2Fback&locale=nb",
    );
    expect(expectOk(session, "PostBillingPortalSessions").params).toEqual({
      customer: "cus_1",
      return_url: "https://example.com/back",
      locale: "nb",
    });
    const configuration = request(
      "POST",
      "/v1/billing_portal/configurations",
      "business_profile[headline]=Acme&features[payment_method_update][enabled]=true" +
        "&features[customer_update][enabled]=true&features[customer_update][allowed_updates][]=email",
    );
    expect(expectOk(configuration, "PostBillingPortalConfigurations").params).toEqual({
      business_profile: { headline: "Acme" },
      features: {
        payment_method_update: { enabled: true },
        customer_update: { enabled: true, allowed_updates: ["email"] },
      },
    });
    expectOk(
      request("GET", "/v1/billing_portal/configurations", "is_default=true"),
      "GetBillingPortalConfigurations",
    );
  });

  it("creates, updates and deletes a webhook endpoint", () => {
    const created = request(
      "POST",
      "/v1/webhook_endpoints",
      "url=https%3A%2F%2Fproxy.example.com%2Fstripe&enabled_events[]=customer.updated" +
        "&enabled_events[]=customer.deleted&api_version=2023-08-16",
    );
    expect(expectOk(created, "PostWebhookEndpoints").params).toEqual({
      url: "https://proxy.example.com/stripe",
      enabled_events: ["customer.updated", "customer.deleted"],
      api_version: "2023-08-16",
    });
    const updated = expectOk(
      request("POST", "/v1/webhook_endpoints/we_1", "disabled=true"),
      "PostWebhookEndpointsWebhookEndpoint",
    );
    expect(updated.params).toEqual({ disabled: true });
    expectOk(request("DELETE", "/v1/webhook_endpoints/we_1"), "DeleteWebhookEndpointsWebhookEndpoint");
  });

  it("retrieves an event and the account", () => {
    expectOk(request("GET", "/v1/events/evt_1"), "GetEventsId");
    expectOk(request("GET", "/v1/account"), "GetAccount");
  });

  it("accepts already-typed values from a JSON-ish caller", () => {
    const result = validateRequest("POST", "/v1/webhook_endpoints/we_1", {
      disabled: false,
      enabled_events: ["customer.updated"],
      metadata: { n: 107 },
    });
    expect(expectOk(result, "PostWebhookEndpointsWebhookEndpoint").params).toEqual({
      disabled: false,
      enabled_events: ["customer.updated"],
      metadata: { n: "107" },
    });
    expect(expectOk(validateRequest("get", "/v1/customers", { limit: 5 }), "GetCustomers").params).toEqual({
      limit: 5,
    });
  });
});

describe("validateRequest: Stripe's errors", () => {
  it("refuses an unknown top-level parameter", () => {
    const result = request("POST", "/v1/customers", "nmae=Ada");
    expectError(result, "Received unknown parameter: nmae", "nmae");
    if (!result.ok) {
      expect(result.error.code).toBe("parameter_unknown");
      expect(result.error.doc_url).toBe("https://stripe.com/docs/error-codes/parameter-unknown");
    }
  });

  it("lists several unknown parameters at once", () => {
    expectError(
      request("POST", "/v1/customers", "foo=1&bar=2"),
      "Received unknown parameters: foo, bar",
      "foo",
    );
  });

  it("refuses an unknown nested parameter, named in bracket form", () => {
    expectError(
      request("POST", "/v1/customers", "address[foo]=x"),
      "Received unknown parameter: address[foo]",
      "address[foo]",
    );
    expectError(
      request("POST", "/v1/customers", "shipping[name]=Ada&shipping[address][town]=Oslo"),
      "Received unknown parameter: shipping[address][town]",
      "shipping[address][town]",
    );
  });

  it("refuses a query parameter on an operation that does not take it", () => {
    expectError(
      request("GET", "/v1/customers", "metadata[k]=v"),
      "Received unknown parameter: metadata",
      "metadata",
    );
  });

  it("requires required parameters, top-level and nested", () => {
    const result = request("POST", "/v1/webhook_endpoints", "enabled_events[]=customer.updated");
    expectError(result, "Missing required param: url.", "url");
    if (!result.ok) expect(result.error.code).toBe("parameter_missing");
    expectError(request("GET", "/v1/customers/search"), "Missing required param: query.", "query");
    expectError(
      request(
        "POST",
        "/v1/billing_portal/configurations",
        "business_profile[headline]=A&features[customer_update][allowed_updates][]=email",
      ),
      "Missing required param: features[customer_update][enabled].",
      "features[customer_update][enabled]",
    );
    expectError(
      request("POST", "/v1/customers", "shipping[name]=Ada"),
      "Missing required param: shipping[address].",
      "shipping[address]",
    );
  });

  it("refuses a bad integer, top-level and inside a range", () => {
    const result = request("GET", "/v1/customers", "limit=ten");
    expectError(result, "Invalid integer: ten", "limit");
    if (!result.ok) expect(result.error.code).toBe("parameter_invalid_integer");
    expectError(request("GET", "/v1/customers", "limit=10.0"), "Invalid integer: 10.0", "limit");
    expectError(request("GET", "/v1/events", "created[gt]=soon"), "Invalid integer: soon", "created[gt]");
  });

  it("refuses a bad boolean (only true and false)", () => {
    expectError(
      request("POST", "/v1/webhook_endpoints/we_1", "disabled=yes"),
      "Invalid boolean: yes",
      "disabled",
    );
    expectError(
      request("POST", "/v1/webhook_endpoints/we_1", "disabled=True"),
      "Invalid boolean: True",
      "disabled",
    );
  });

  it("refuses a value outside an enum, listing the allowed values", () => {
    expectError(
      request("POST", "/v1/customers", "tax_exempt=sometimes"),
      "Invalid tax_exempt: must be one of exempt, none, or reverse",
      "tax_exempt",
    );
    expectError(
      request(
        "POST",
        "/v1/billing_portal/configurations",
        "business_profile[headline]=A&features[subscription_cancel][enabled]=true&features[subscription_cancel][mode]=later",
      ),
      "Invalid features[subscription_cancel][mode]: must be one of at_period_end or immediately",
      "features[subscription_cancel][mode]",
    );
  });

  it("refuses a string longer than maxLength, shortening it in the message", () => {
    expectError(
      request("POST", "/v1/customers", `name=${"a".repeat(10)}${"b".repeat(237)}${"c".repeat(10)}`),
      "Invalid string: aaaaaaaaaa...cccccccccc; must be at most 256 characters",
      "name",
    );
  });

  it("counts characters as code points, as Stripe does: 256 emoji fit a 256-character name", () => {
    const emoji = "😀".repeat(256);
    expect(validateRequest("POST", "/v1/customers", { name: emoji }).ok).toBe(true);
    expect(validateRequest("POST", "/v1/customers", { name: `${emoji}!` }).ok).toBe(false);
  });

  it("refuses a string where a hash is expected, and a hash where a string is expected", () => {
    expectError(request("POST", "/v1/customers", "address=Storgata+1"), "Invalid hash", "address");
    expectError(request("POST", "/v1/customers", "metadata=107"), "Invalid hash", "metadata");
    expectError(
      request("POST", "/v1/customers", "name[first]=Ada"),
      'Invalid string: {"first"=>"Ada"}',
      "name",
    );
    expectError(
      request("POST", "/v1/customers", "address[city][x]=Oslo"),
      'Invalid string: {"x"=>"Oslo"}',
      "address[city]",
    );
  });

  it("refuses a string where an array is expected", () => {
    expectError(request("GET", "/v1/customers/cus_1", "expand=invoice_settings"), "Invalid array", "expand");
  });

  it("answers 404 for an unknown path or a method the path does not have", () => {
    const expected = (method: string, path: string) => ({
      ok: false,
      status: 404,
      error: {
        type: "invalid_request_error",
        message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      },
    });
    expect(request("POST", "/v1/foo")).toEqual(expected("POST", "/v1/foo"));
    expect(request("PUT", "/v1/customers")).toEqual(expected("PUT", "/v1/customers"));
    expect(request("DELETE", "/v1/account")).toEqual(expected("DELETE", "/v1/account"));
    expect(request("GET", "/v1/customers/cus_1/payment_methods/pm_1/extra")).toEqual(
      expected("GET", "/v1/customers/cus_1/payment_methods/pm_1/extra"),
    );
  });

  it("adds Stripe's hint for a trailing slash", () => {
    const result = request("GET", "/v1/customers/");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status).toBe(404);
      expect(result.error.message).toContain(
        "(GET: /v1/customers/). If you are trying to list objects, remove the trailing slash.",
      );
    }
  });
});
