import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contract, findOperation, schemaNames } from "../src/index.js";

const contractFile = new URL("../contract/stripe-2023-08-16.json", import.meta.url);

describe("contract", () => {
  it("says where it came from and under which licence", () => {
    expect(contract.apiVersion).toBe("2023-08-16");
    expect(contract.source).toEqual({
      repository: "https://github.com/stripe/openapi",
      file: "openapi/spec3.yaml",
      fixtures: "openapi/fixtures3.json",
    });
    expect(contract.license).toBe("MIT License. Copyright (c) 2011- Stripe, Inc. (https://stripe.com)");
    expect(contract.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(contract.pruning).toContain("x-expansionResources");
  });

  it("stays small: under 1 MB, without prose", () => {
    expect(statSync(contractFile).size).toBeLessThan(1_000_000);
    // Stripe's description of `expand`, present on every operation of the spec.
    expect(readFileSync(contractFile, "utf8")).not.toContain("Specifies which fields in the response");
  });

  it("holds the subset's resources and list envelopes", () => {
    expect(schemaNames()).toEqual(
      expect.arrayContaining([
        "customer",
        "deleted_customer",
        "payment_method",
        "billing_portal.configuration",
        "billing_portal.session",
        "webhook_endpoint",
        "event",
        "account",
        "CustomerResourceCustomerList",
        "SearchResult",
      ]),
    );
  });
});

describe("findOperation", () => {
  it("prefers literal segments over path parameters", () => {
    expect(findOperation("GET", "/v1/customers/search")?.operation.operationId).toBe("GetCustomersSearch");
    expect(findOperation("GET", "/v1/customers/cus_1")?.operation.operationId).toBe("GetCustomersCustomer");
  });

  it("extracts and percent-decodes path parameters", () => {
    const match = findOperation("post", "/v1/payment_methods/pm%5F1/attach");
    expect(match?.operation.operationId).toBe("PostPaymentMethodsPaymentMethodAttach");
    expect(match?.pathParams).toEqual({ payment_method: "pm_1" });
  });

  it("returns undefined for an unknown path, an empty segment or a missing method", () => {
    expect(findOperation("GET", "/v1/charges")).toBeUndefined();
    expect(findOperation("GET", "/v1/customers//payment_methods")).toBeUndefined();
    expect(findOperation("PATCH", "/v1/customers/cus_1")).toBeUndefined();
  });

  it("covers every method on every subset path", () => {
    const ids = [
      ["GET", "/v1/customers"],
      ["POST", "/v1/customers"],
      ["DELETE", "/v1/customers/c"],
      ["GET", "/v1/customers/c"],
      ["POST", "/v1/customers/c"],
      ["GET", "/v1/billing_portal/configurations/bpc_1"],
      ["POST", "/v1/billing_portal/configurations/bpc_1"],
      ["GET", "/v1/webhook_endpoints"],
      ["GET", "/v1/webhook_endpoints/we_1"],
    ].map(([method, path]) => findOperation(method ?? "", path ?? "")?.operation.operationId);
    expect(ids).toEqual([
      "GetCustomers",
      "PostCustomers",
      "DeleteCustomersCustomer",
      "GetCustomersCustomer",
      "PostCustomersCustomer",
      "GetBillingPortalConfigurationsConfiguration",
      "PostBillingPortalConfigurationsConfiguration",
      "GetWebhookEndpoints",
      "GetWebhookEndpointsWebhookEndpoint",
    ]);
  });
});
