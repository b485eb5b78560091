import { describe, expect, it } from "vitest";
import { CONFIG_DEFAULTS, checkReturnUrl, type RawConfig, validateConfig } from "../src/config.js";

const account = {
  name: "UK",
  accountId: "acct_1Nv0FGQ9RKHgCVdK",
  secretId: "custsecret_nss_uk",
  identifierValue: "3",
};

const raw = (overrides: Partial<RawConfig> = {}): RawConfig => ({
  accounts: [account],
  searches: {
    singleSync: "customsearch_nss_single",
    massSync: "customsearch_nss_mass",
    defaultPaymentMethod: "42",
  },
  ...overrides,
});

function issues(input: unknown) {
  const result = validateConfig(input);
  if (result.ok) throw new Error("expected errors");
  return result.errors.map((e) => [e.code, e.field, e.record]);
}

const CONFIG = "the NetSuite–Stripe configuration";

describe("validateConfig", () => {
  it("fills the defaults for blank values", () => {
    expect(
      validateConfig(raw({ stripeIdField: "", syncField: " ", autoSyncOnCreate: "", portalReturnUrl: "" })),
    ).toEqual({
      ok: true,
      value: {
        accounts: [{ ...account, identifierField: "subsidiary" }],
        stripeIdField: "custentity_nss_stripe_customer_id",
        syncField: "email",
        searches: {
          singleSync: "customsearch_nss_single",
          massSync: "customsearch_nss_mass",
          defaultPaymentMethod: "42",
        },
        autoSyncOnCreate: CONFIG_DEFAULTS.autoSyncOnCreate,
        webhookEnabled: CONFIG_DEFAULTS.webhookEnabled,
        proxySecretId: "custsecret_nss_proxy_token",
      },
    });
  });

  it("reads NetSuite's values: T/F checkboxes, numeric IDs, padded and upper-case IDs", () => {
    const result = validateConfig({
      accounts: [
        {
          recordId: 7,
          name: " EU ",
          accountId: "acct_EU123",
          secretId: "CUSTSECRET_NSS_EU",
          identifierField: "custentity_Region",
          identifierValue: "Europe",
        },
        { ...account, identifierField: "subsidiary", identifierValue: 4 },
      ],
      stripeIdField: "custentity_existing_stripe_id",
      syncField: "custentity_Code",
      searches: { singleSync: 12, massSync: " CustomSearch99 ", defaultPaymentMethod: "customsearch_pm" },
      autoSyncOnCreate: "F",
      webhookEnabled: "T",
      portalReturnUrl: "https://example.com/account?x=1",
      proxyUrl: "https://proxy.example.com/",
      proxySecretId: "CUSTSECRET_NSS_PROXY_EU",
    });
    expect(result).toEqual({
      ok: true,
      value: {
        accounts: [
          {
            name: "EU",
            accountId: "acct_EU123",
            secretId: "custsecret_nss_eu",
            identifierField: "custentity_region",
            identifierValue: "Europe",
            recordId: "7",
          },
          { ...account, identifierField: "subsidiary", identifierValue: "4" },
        ],
        stripeIdField: "custentity_existing_stripe_id",
        syncField: "custentity_code",
        searches: { singleSync: "12", massSync: "customsearch99", defaultPaymentMethod: "customsearch_pm" },
        autoSyncOnCreate: false,
        webhookEnabled: true,
        portalReturnUrl: "https://example.com/account?x=1",
        proxyUrl: "https://proxy.example.com",
        proxySecretId: "custsecret_nss_proxy_eu",
      },
    });
  });

  it("needs the proxy's URL when the webhook is enabled, and a sound one", () => {
    expect(issues(raw({ webhookEnabled: "T" }))).toEqual([["CONFIG_REQUIRED", "proxyUrl", CONFIG]]);
    expect(issues(raw({ proxyUrl: "http://proxy.example.com", proxySecretId: "key" }))).toEqual([
      ["CONFIG_INVALID_URL", "proxyUrl", CONFIG],
      ["CONFIG_INVALID_SECRET_ID", "proxySecretId", CONFIG],
    ]);
    const local = validateConfig(raw({ webhookEnabled: "T", proxyUrl: "http://127.0.0.1:8787" }));
    expect(local.ok && local.value.proxyUrl).toBe("http://127.0.0.1:8787");
  });

  it.each([
    [true, true],
    [false, false],
    ["true", true],
    ["FALSE", false],
    ["t", true],
  ])("reads the checkbox %j as %s", (value, expected) => {
    const result = validateConfig(raw({ webhookEnabled: value, proxyUrl: "https://proxy.example.com" }));
    expect(result.ok && result.value.webhookEnabled).toBe(expected);
  });

  it("refuses input that is not a record", () => {
    expect(issues(null)).toEqual([["CONFIG_INVALID_TYPE", undefined, CONFIG]]);
    expect(issues([raw()])).toEqual([["CONFIG_INVALID_TYPE", undefined, CONFIG]]);
  });

  it("reports every missing required value at once", () => {
    expect(issues({ accounts: [{}] })).toEqual([
      ["CONFIG_REQUIRED", "name", "Stripe account #1"],
      ["CONFIG_REQUIRED", "accountId", "Stripe account #1"],
      ["CONFIG_REQUIRED", "secretId", "Stripe account #1"],
      ["CONFIG_REQUIRED", "identifierValue", "Stripe account #1"],
      ["CONFIG_REQUIRED", "searches.singleSync", CONFIG],
      ["CONFIG_REQUIRED", "searches.massSync", CONFIG],
      ["CONFIG_REQUIRED", "searches.defaultPaymentMethod", CONFIG],
    ]);
  });

  it("says what to enter where", () => {
    const result = validateConfig(raw({ accounts: [{ ...account, accountId: " " }] }));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: "CONFIG_REQUIRED",
          message: 'Stripe account "UK": accountId is blank.',
          fix: 'Enter a Stripe account ID (acct_…) in accountId on Stripe account "UK".',
          field: "accountId",
          record: 'Stripe account "UK"',
        },
      ],
    });
  });

  it("names an unnamed account by its record ID", () => {
    expect(issues(raw({ accounts: [{ ...account, name: "", recordId: "12" }] }))).toEqual([
      ["CONFIG_REQUIRED", "name", "Stripe account record 12"],
    ]);
  });

  it("needs at least one Stripe account", () => {
    expect(issues(raw({ accounts: [] }))).toEqual([["CONFIG_NO_ACCOUNT", "accounts", CONFIG]]);
    expect(issues(raw({ accounts: undefined }))).toEqual([["CONFIG_NO_ACCOUNT", "accounts", CONFIG]]);
    expect(issues(raw({ accounts: "acct_1" }))).toEqual([["CONFIG_INVALID_TYPE", "accounts", CONFIG]]);
    expect(issues(raw({ accounts: ["acct_1"] }))).toEqual([["CONFIG_INVALID_TYPE", "accounts", CONFIG]]);
  });

  it("refuses malformed IDs, naming the value", () => {
    const result = validateConfig(
      raw({
        accounts: [
          { ...account, accountId: "acc_123", secretId: "secret_uk", identifierValue: "Parent Co" },
          { ...account, name: "EU", identifierField: "cust entity", identifierValue: "5" },
        ],
        stripeIdField: "entityid",
        syncField: "e-mail",
        searches: { singleSync: "search_1", massSync: "0", defaultPaymentMethod: "customsearch" },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.field, e.record])).toEqual([
      ["CONFIG_INVALID_ACCOUNT_ID", "accountId", 'Stripe account "UK"'],
      ["CONFIG_INVALID_SECRET_ID", "secretId", 'Stripe account "UK"'],
      ["CONFIG_INVALID_SUBSIDIARY_ID", "identifierValue", 'Stripe account "UK"'],
      ["CONFIG_INVALID_FIELD_ID", "identifierField", 'Stripe account "EU"'],
      ["CONFIG_INVALID_FIELD_ID", "stripeIdField", CONFIG],
      ["CONFIG_INVALID_FIELD_ID", "syncField", CONFIG],
      ["CONFIG_INVALID_SEARCH_ID", "searches.singleSync", CONFIG],
      ["CONFIG_INVALID_SEARCH_ID", "searches.massSync", CONFIG],
      ["CONFIG_INVALID_SEARCH_ID", "searches.defaultPaymentMethod", CONFIG],
    ]);
    expect(result.errors[0]?.message).toBe(
      'Stripe account "UK": accountId "acc_123" is not a Stripe account ID (acct_…).',
    );
  });

  it("refuses values that are not text", () => {
    expect(issues(raw({ stripeIdField: { id: 1 }, portalReturnUrl: true }))).toEqual([
      ["CONFIG_INVALID_TYPE", "stripeIdField", CONFIG],
      ["CONFIG_INVALID_TYPE", "portalReturnUrl", CONFIG],
    ]);
    expect(issues(raw({ accounts: [{ ...account, identifierField: 3.5 }] }))).toEqual([
      ["CONFIG_INVALID_FIELD_ID", "identifierField", 'Stripe account "UK"'],
    ]);
    expect(issues(raw({ accounts: [{ ...account, identifierField: ["x"] }] }))).toEqual([
      ["CONFIG_INVALID_TYPE", "identifierField", 'Stripe account "UK"'],
    ]);
    expect(issues(raw({ syncField: false }))).toEqual([["CONFIG_INVALID_TYPE", "syncField", CONFIG]]);
  });

  it("refuses a checkbox value that is neither T nor F", () => {
    expect(issues(raw({ autoSyncOnCreate: "yes", webhookEnabled: 1 }))).toEqual([
      ["CONFIG_INVALID_BOOLEAN", "autoSyncOnCreate", CONFIG],
      ["CONFIG_INVALID_BOOLEAN", "webhookEnabled", CONFIG],
    ]);
  });

  it("refuses two accounts for the same identifier value, and duplicate names", () => {
    const result = validateConfig(
      raw({
        accounts: [
          account,
          { ...account, name: "UK 2", accountId: "acct_other" },
          { ...account, name: "uk", identifierValue: "9" },
          { ...account, name: "By region", identifierField: "custentity_region", identifierValue: "3" },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.field, e.record])).toEqual([
      ["CONFIG_DUPLICATE_IDENTIFIER", "identifierValue", 'Stripe account "UK 2"'],
      ["CONFIG_DUPLICATE_ACCOUNT_NAME", "name", 'Stripe account "uk"'],
    ]);
    expect(result.errors[0]?.message).toBe(
      'Stripe account "UK 2" and Stripe account "UK" both serve subsidiary "3", so a customer\'s account would be ambiguous.',
    );
  });

  it("allows one Stripe account to serve several subsidiaries through several records", () => {
    const result = validateConfig(
      raw({ accounts: [account, { ...account, name: "UK branch", identifierValue: "8" }] }),
    );
    expect(result.ok && result.value.accounts.map((a) => a.identifierValue)).toEqual(["3", "8"]);
  });

  it("refuses a sync field that cannot be a Stripe metadata key", () => {
    expect(issues(raw({ syncField: `custentity_${"x".repeat(30)}` }))).toEqual([
      ["CONFIG_INVALID_SYNC_FIELD", "syncField", CONFIG],
    ]);
    expect(issues(raw({ syncField: "netsuite_subsidiary" }))).toEqual([
      ["CONFIG_INVALID_SYNC_FIELD", "syncField", CONFIG],
    ]);
    const ok = validateConfig(raw({ syncField: `custentity_${"x".repeat(29)}` }));
    expect(ok.ok).toBe(true);
  });

  it("refuses a portal return URL that is not https (or local http)", () => {
    expect(issues(raw({ portalReturnUrl: "http://example.com/back" }))).toEqual([
      ["CONFIG_INVALID_URL", "portalReturnUrl", CONFIG],
    ]);
    const result = validateConfig(raw({ portalReturnUrl: "ftp://example.com" }));
    expect(!result.ok && result.errors[0]?.message).toBe(
      `${CONFIG}: portalReturnUrl "ftp://example.com" is not an absolute http(s) URL.`,
    );
  });
});

describe("checkReturnUrl", () => {
  it.each([
    "https://example.com",
    "https://example.com/",
    "https://shop.example.co.uk:8443/account?tab=billing#top",
    "HTTPS://Example.COM/x",
    "http://localhost:3000/back",
    "http://127.0.0.1/back",
    "https://localhost",
  ])("accepts %s", (url) => {
    expect(checkReturnUrl(url)).toBeUndefined();
  });

  it.each([
    ["http://example.com", "uses http; Stripe's portal returns only to https"],
    ["https://intranet/back", 'has host "intranet", which is not a full domain name'],
    ["https://example.com:70000/", "has port 70000, outside 1–65535"],
    ["https://example.com:0/", "has port 0, outside 1–65535"],
    ["https://user:pw@example.com/", "is not an absolute http(s) URL"],
    ["https://exa mple.com", "is not an absolute http(s) URL"],
    ["https://example.com/a b", "is not an absolute http(s) URL"],
    ["//example.com", "is not an absolute http(s) URL"],
    ["example.com", "is not an absolute http(s) URL"],
    ["https://-bad.example.com", "is not an absolute http(s) URL"],
    ["javascript:alert(1)", "is not an absolute http(s) URL"],
  ])("refuses %s", (url, problem) => {
    expect(checkReturnUrl(url)).toBe(problem);
  });
});

describe("validateConfig without OneWorld", () => {
  const blank = { ...account, identifierValue: "" };

  it("accepts one account with identifier field subsidiary and a blank value", () => {
    const result = validateConfig(raw({ accounts: [blank] }), { oneWorld: false });
    expect(result.ok && result.value.accounts[0]).toMatchObject({
      identifierField: "subsidiary",
      identifierValue: "",
    });
  });

  it("refuses a subsidiary value, naming the record and saying to leave it blank", () => {
    const result = validateConfig(raw(), { oneWorld: false });
    if (result.ok) throw new Error("expected errors");
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: "CONFIG_NO_SUBSIDIARIES",
        field: "identifierValue",
        record: 'Stripe account "UK"',
        fix: expect.stringContaining("Leave Identifier Value blank"),
      }),
    ]);
  });

  it("refuses two accounts that would both serve every customer", () => {
    const result = validateConfig(raw({ accounts: [blank, { ...blank, name: "Other" }] }), {
      oneWorld: false,
    });
    if (result.ok) throw new Error("expected errors");
    expect(result.errors[0]?.message).toContain("both serve every customer");
  });

  it("still needs a subsidiary in a OneWorld account", () => {
    expect(issues(raw({ accounts: [blank] }))).toEqual([
      ["CONFIG_REQUIRED", "identifierValue", 'Stripe account "UK"'],
    ]);
  });
});
