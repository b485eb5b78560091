import { describe, expect, it } from "vitest";
import { type AccountCustomer, accountsForCustomer } from "../src/accounts.js";
import type { StripeAccountConfig } from "../src/config.js";

const acct = (
  name: string,
  accountId: string,
  identifierValue: string,
  identifierField = "subsidiary",
): StripeAccountConfig => ({
  name,
  accountId,
  secretId: `custsecret_nss_${name.toLowerCase()}`,
  identifierField,
  identifierValue,
});

const uk = acct("UK", "acct_uk", "3");
const ukBranch = acct("UKBranch", "acct_uk", "8"); // same Stripe account, another subsidiary
const us = acct("US", "acct_us", "1");
const eu = acct("EU", "acct_eu", "Europe", "custentity_region");

const customer = (
  primarySubsidiary: string,
  subsidiaries: string[],
  fields?: Record<string, string>,
): AccountCustomer => ({
  id: "107",
  primarySubsidiary,
  subsidiaries,
  ...(fields ? { fields } : {}),
});

const summary = (result: ReturnType<typeof accountsForCustomer>) =>
  result.ok
    ? {
        targets: result.value.targets.map((t) => [t.account.name, t.subsidiaryId]),
        unserved: result.value.unserved,
      }
    : result.errors.map((e) => e.code);

describe("accountsForCustomer", () => {
  it("primary scope: the account serving the primary subsidiary only", () => {
    const result = accountsForCustomer([us, uk], customer("3", ["3", "1"]), "primary");
    expect(result).toEqual({
      ok: true,
      value: { targets: [{ account: uk, subsidiaryId: "3" }], unserved: [] },
    });
  });

  it("all scope: one target per served subsidiary, and the subsidiaries nobody serves", () => {
    expect(summary(accountsForCustomer([us, uk], customer("3", ["1", "5", "3"]), "all"))).toEqual({
      targets: [
        ["UK", "3"],
        ["US", "1"],
      ],
      unserved: ["5"],
    });
  });

  it("counts the primary subsidiary even when the list omits it, and each subsidiary once", () => {
    expect(summary(accountsForCustomer([us, uk], customer("3", ["1", "1"]), "all"))).toEqual({
      targets: [
        ["UK", "3"],
        ["US", "1"],
      ],
      unserved: [],
    });
  });

  it("gives one target per Stripe account, preferring the primary subsidiary", () => {
    expect(summary(accountsForCustomer([ukBranch, uk], customer("3", ["8", "3"]), "all"))).toEqual({
      targets: [["UK", "3"]],
      unserved: [],
    });
    expect(summary(accountsForCustomer([uk, ukBranch], customer("1", ["8", "3"]), "all"))).toEqual({
      targets: [["UKBranch", "8"]],
      unserved: ["1"],
    });
  });

  it("matches an account by another identifier field, keeping the link for the primary subsidiary", () => {
    const c = customer("3", ["3"], { custentity_region: " Europe " });
    expect(summary(accountsForCustomer([eu], c, "primary"))).toEqual({
      targets: [["EU", "3"]],
      unserved: [],
    });
    expect(summary(accountsForCustomer([eu, uk], c, "all"))).toEqual({
      targets: [
        ["EU", "3"],
        ["UK", "3"],
      ],
      unserved: [],
    });
  });

  it("does not match by field when the customer's value differs or is missing", () => {
    expect(
      summary(accountsForCustomer([eu], customer("3", [], { custentity_region: "Asia" }), "all")),
    ).toEqual({
      targets: [],
      unserved: ["3"],
    });
    expect(summary(accountsForCustomer([eu], customer("3", []), "all"))).toEqual({
      targets: [],
      unserved: ["3"],
    });
  });

  it("is not an error in all scope when no account serves the customer", () => {
    expect(summary(accountsForCustomer([us], customer("3", ["4"]), "all"))).toEqual({
      targets: [],
      unserved: ["3", "4"],
    });
  });

  it("primary scope: no account for the primary subsidiary says which record to create", () => {
    const result = accountsForCustomer([us], customer("3", ["1"]), "primary");
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: "ACCOUNT_NOT_FOUND",
          message: "No Stripe account record serves customer 107's primary subsidiary 3.",
          fix: 'Create a Stripe account record with identifier field "subsidiary" and identifier value 3.',
          field: "subsidiary",
          record: "customer 107",
        },
      ],
    });
  });

  it("mentions other identifier fields in the fix when accounts use them", () => {
    const result = accountsForCustomer([eu], customer("3", []), "primary");
    expect(!result.ok && result.errors[0]?.fix).toBe(
      'Create a Stripe account record with identifier field "subsidiary" and identifier value 3, or fill in custentity_region on the customer with an account\'s identifier value.',
    );
  });

  it("has no accounts to give when none are configured", () => {
    expect(summary(accountsForCustomer([], customer("3", []), "primary"))).toEqual(["ACCOUNT_NOT_FOUND"]);
  });
});

describe("accountsForCustomer without OneWorld", () => {
  const only = acct("Only", "acct_only", "");
  const none = customer("", []);

  it("the account with a blank subsidiary serves every customer, in either scope", () => {
    for (const scope of ["primary", "all"] as const) {
      expect(summary(accountsForCustomer([only], none, scope))).toEqual({
        targets: [["Only", ""]],
        unserved: [],
      });
    }
  });

  it("an account chosen by another field still serves its customers", () => {
    const result = accountsForCustomer([eu], customer("", [], { custentity_region: "Europe" }), "all");
    expect(summary(result)).toEqual({ targets: [["EU", ""]], unserved: [] });
  });

  it("no account: says to create one with a blank identifier value", () => {
    const result = accountsForCustomer([], none, "primary");
    if (result.ok) throw new Error("expected an error");
    expect(result.errors[0]?.code).toBe("ACCOUNT_NOT_FOUND");
    expect(result.errors[0]?.fix).toContain("blank identifier value");
  });
});
