import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AccountData } from "../src/data/store.js";
import type { Project } from "../src/sdf/types.js";

const NOW = new Date("2024-03-15T10:30:00.000Z");

function smallProject(): Project {
  return {
    dir: "/tmp/p",
    manifest: {
      projectType: "ACCOUNTCUSTOMIZATION",
      projectName: "p",
      frameworkVersion: "1.0",
      features: [],
    },
    fileCabinet: "/tmp/p/src/FileCabinet",
    deployPaths: { files: [], objects: [], run: [] },
    entityFields: [
      {
        scriptId: "custentity_sync_enabled",
        label: "Sync Enabled",
        fieldType: "CHECKBOX",
        mandatory: false,
        defaultValue: "T",
        storeValue: true,
        appliesTo: ["customer"],
      },
      {
        scriptId: "custentity_score",
        label: "Score",
        fieldType: "INTEGER",
        mandatory: false,
        storeValue: true,
        appliesTo: ["customer"],
      },
      {
        scriptId: "custentity_vendor_only",
        label: "Vendor only",
        fieldType: "TEXT",
        mandatory: false,
        storeValue: true,
        appliesTo: ["vendor"],
      },
    ],
    customRecordTypes: [
      {
        scriptId: "customrecord_sync_log",
        recordName: "Sync Log",
        fields: [
          {
            scriptId: "custrecord_log_customer",
            label: "Customer",
            fieldType: "SELECT",
            selectRecordType: "-2",
            mandatory: true,
            storeValue: true,
            appliesTo: [],
          },
          {
            scriptId: "custrecord_log_amount",
            label: "Amount",
            fieldType: "CURRENCY",
            mandatory: false,
            storeValue: true,
            appliesTo: [],
          },
          {
            scriptId: "custrecord_log_subs",
            label: "Subsidiaries",
            fieldType: "MULTISELECT",
            selectRecordType: "-117",
            mandatory: false,
            storeValue: true,
            appliesTo: [],
          },
          {
            scriptId: "custrecord_log_when",
            label: "When",
            fieldType: "DATETIME",
            mandatory: false,
            storeValue: true,
            appliesTo: [],
          },
        ],
      },
    ],
    scripts: [],
  };
}

function account(): AccountData {
  return new AccountData(smallProject(), { now: () => NOW });
}

function nsError(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    const err = e as Error;
    return { name: err.name, message: err.message };
  }
  throw new Error("expected an NsError");
}

describe("seeded account", () => {
  it("has currency 1, subsidiary 1 and administrator -5", () => {
    const data = account();
    expect(data.loadRecord("currency", 1, false).values).toMatchObject({ name: "USD", symbol: "USD" });
    expect(data.loadRecord("subsidiary", 1, false).values).toMatchObject({
      name: "Parent Company",
      currency: "1",
    });
    expect(data.loadRecord("employee", -5, false).values.entityid).toBe("Administrator");
    expect(data.recordKind("customer")).toBe("standard");
    expect(data.recordKind("customrecord_sync_log")).toBe("custom");
  });
});

describe("records", () => {
  it("creates, loads, updates and deletes a customer with IDs from 1 and timestamps", () => {
    let clock = NOW;
    const data = new AccountData(smallProject(), { now: () => clock });
    const rec = data.newRecord("customer", false);
    expect(rec.values).toMatchObject({ isperson: false, isinactive: false, custentity_sync_enabled: true });
    rec.values.companyname = "Acme";
    rec.values.email = "ops@acme.test";
    rec.values.subsidiary = 1;
    expect(data.saveRecord(rec)).toBe(1);
    const loaded = data.loadRecord("customer", 1, true);
    expect(loaded).toMatchObject({ type: "customer", id: 1, isDynamic: true });
    expect(loaded.values).toMatchObject({
      companyname: "Acme",
      entityid: "Acme",
      subsidiary: "1",
      currency: "1",
      datecreated: "2024-03-15T10:30:00.000Z",
      lastmodifieddate: "2024-03-15T10:30:00.000Z",
    });
    clock = new Date("2024-03-16T08:00:00.000Z");
    loaded.values.phone = "555-0100";
    expect(data.saveRecord(loaded)).toBe(1);
    const again = data.loadRecord("customer", 1, false).values;
    expect(again.phone).toBe("555-0100");
    expect(again.datecreated).toBe("2024-03-15T10:30:00.000Z");
    expect(again.lastmodifieddate).toBe("2024-03-16T08:00:00.000Z");
    expect(data.seedCustomer({ companyname: "Beta" })).toBe(2);
    data.deleteRecord("customer", 1);
    expect(nsError(() => data.loadRecord("customer", 1, false))).toEqual({
      name: "RCRD_DSNT_EXIST",
      message: "That record does not exist.",
    });
  });

  it("refuses unknown types, missing records and wrong values with NetSuite's errors", () => {
    const data = account();
    expect(nsError(() => data.newRecord("customrecord_nope", false))).toEqual({
      name: "INVALID_RCRD_TYPE",
      message: "The record type [CUSTOMRECORD_NOPE] is invalid.",
    });
    expect(nsError(() => data.deleteRecord("customer", 99)).name).toBe("RCRD_DSNT_EXIST");
    const rec = data.newRecord("customer", false, {
      companyname: "Acme",
      subsidiary: "1",
      isinactive: "yes",
    });
    expect(nsError(() => data.saveRecord(rec))).toEqual({
      name: "INVALID_FLD_VALUE",
      message: "You have entered an Invalid Field Value yes for the following field: isinactive",
    });
    const bad = data.newRecord("customer", false, {
      companyname: "Acme",
      subsidiary: "1",
      custentity_score: 1.5,
    });
    expect(nsError(() => data.saveRecord(bad)).message).toBe(
      "You have entered an Invalid Field Value 1.5 for the following field: custentity_score",
    );
    const badDate = data.newRecord("customrecord_sync_log", false, {
      name: "x",
      custrecord_log_customer: "1",
      custrecord_log_when: "not a date",
    });
    expect(nsError(() => data.saveRecord(badDate)).name).toBe("INVALID_FLD_VALUE");
  });

  it("requires mandatory fields unless ignoreMandatoryFields", () => {
    const data = account();
    const rec = data.newRecord("customer", false, { email: "a@b.test" });
    expect(nsError(() => data.saveRecord(rec))).toEqual({
      name: "USER_ERROR",
      message: "Please enter value(s) for: Company Name, Primary Subsidiary",
    });
    const person = data.newRecord("customer", false, { isperson: true, firstname: "Ann", subsidiary: "1" });
    expect(nsError(() => data.saveRecord(person)).message).toBe("Please enter value(s) for: Last Name");
    person.values.lastname = "Lee";
    expect(data.saveRecord(person)).toBe(1);
    expect(data.loadRecord("customer", 1, false).values.entityid).toBe("Ann Lee");
    expect(data.saveRecord(data.newRecord("customer", false), { ignoreMandatoryFields: true })).toBe(2);
  });

  it("refuses a select pointing at no record with INVALID_KEY_OR_REF", () => {
    const data = account();
    const rec = data.newRecord("customer", false, { companyname: "Acme", subsidiary: "99" });
    expect(nsError(() => data.saveRecord(rec))).toEqual({
      name: "INVALID_KEY_OR_REF",
      message: "Invalid subsidiary reference key 99.",
    });
  });

  it("keeps unknown fields and normalises numbers, checkboxes and selects", () => {
    const data = account();
    const id = data.seedCustomer({
      companyname: "Acme",
      custentity_not_in_project: "kept",
      custentity_score: "42",
      isinactive: "T",
      billcountry: "de",
    });
    expect(data.loadRecord("customer", id, false).values).toMatchObject({
      custentity_not_in_project: "kept",
      custentity_score: 42,
      isinactive: true,
      billcountry: "DE",
      subsidiary: "1",
    });
  });

  it("submitFields updates given fields only and validates them", () => {
    const data = account();
    const id = data.seedCustomer({ companyname: "Acme", email: "a@acme.test" });
    expect(data.submitFields("customer", id, { phone: "555", isinactive: true })).toBe(id);
    expect(data.loadRecord("customer", id, false).values).toMatchObject({
      companyname: "Acme",
      email: "a@acme.test",
      phone: "555",
      isinactive: true,
    });
    expect(nsError(() => data.submitFields("customer", 42, { phone: "1" })).name).toBe("RCRD_DSNT_EXIST");
    expect(nsError(() => data.submitFields("customer", id, { custentity_score: "many" })).name).toBe(
      "INVALID_FLD_VALUE",
    );
  });
});

describe("texts", () => {
  it("gives select names, checkbox T/F, country names and the reverse", () => {
    const data = account();
    const eur = data.seedCurrency({ name: "EUR" });
    const de = data.seedSubsidiary({ name: "Germany GmbH", country: "DE", currency: String(eur) });
    const cust = data.seedCustomer({ companyname: "Acme" });
    expect(data.fieldText("customer", "subsidiary", String(de))).toBe("Germany GmbH");
    expect(data.fieldText("customer", "currency", "1")).toBe("USD");
    expect(data.fieldText("customer", "isinactive", true)).toBe("T");
    expect(data.fieldText("customer", "isinactive", false)).toBe("F");
    expect(data.fieldText("customer", "billcountry", "DE")).toBe("Germany");
    expect(data.fieldText("customer", "email", null)).toBeNull();
    expect(data.fieldText("customrecord_sync_log", "custrecord_log_customer", String(cust))).toBe("Acme");
    expect(data.fieldValueForText("customer", "subsidiary", "Germany GmbH")).toBe(String(de));
    expect(data.fieldValueForText("customer", "isinactive", "T")).toBe(true);
    expect(data.fieldValueForText("customer", "billcountry", "United States")).toBe("US");
    expect(nsError(() => data.fieldValueForText("customer", "subsidiary", "Nowhere"))).toEqual({
      name: "INVALID_FLD_VALUE",
      message: "You have entered an Invalid Field Value Nowhere for the following field: subsidiary",
    });
  });
});

describe("customer ↔ customersubsidiaryrelationship", () => {
  it("creates the primary link on save and moves it when the subsidiary changes", () => {
    const data = account();
    const sub2 = data.seedSubsidiary({ name: "UK Ltd", country: "GB" });
    const id = data.seedCustomer({ companyname: "Acme" });
    const links = () =>
      data
        .runSearch(
          {
            id: null,
            scriptId: null,
            type: "customersubsidiaryrelationship",
            title: null,
            filters: [{ name: "entity", operator: "anyof", values: [id] }],
            columns: [{ name: "subsidiary" }, { name: "isprimarysub" }, { name: "primarycurrency" }],
            isPublic: false,
          },
          0,
          10,
        )
        .rows.map((r) => r.cells.map((c) => c.value));
    expect(links()).toEqual([["1", true, "1"]]);
    data.submitFields("customer", id, { subsidiary: sub2 });
    expect(links()).toEqual([
      ["1", false, "1"],
      [String(sub2), true, "1"],
    ]);
    expect(nsError(() => data.seedCustomerSubsidiary(id, sub2))).toEqual({
      name: "INVALID_FLD_VALUE",
      message: `You have entered an Invalid Field Value ${sub2} for the following field: subsidiary`,
    });
    data.deleteRecord("customer", id);
    expect(links()).toEqual([]);
  });
});

describe("custom records", () => {
  it("stores custom fields with created/lastmodified and checks their select target", () => {
    const data = account();
    const cust = data.seedCustomer({ companyname: "Acme" });
    const rec = data.newRecord("customrecord_sync_log", false, {
      name: "run 1",
      custrecord_log_customer: cust,
      custrecord_log_amount: "12.50",
      custrecord_log_when: "2024-03-01T09:05:00Z",
    });
    expect(data.saveRecord(rec)).toBe(1);
    expect(data.loadRecord("customrecord_sync_log", 1, false).values).toEqual({
      name: "run 1",
      isinactive: false,
      custrecord_log_customer: String(cust),
      custrecord_log_amount: 12.5,
      custrecord_log_when: "2024-03-01T09:05:00.000Z",
      created: "2024-03-15T10:30:00.000Z",
      lastmodified: "2024-03-15T10:30:00.000Z",
    });
    const missing = data.newRecord("customrecord_sync_log", false, { name: "x" });
    expect(nsError(() => data.saveRecord(missing)).message).toBe("Please enter value(s) for: Customer");
    const dangling = data.newRecord("customrecord_sync_log", false, {
      name: "x",
      custrecord_log_customer: 77,
    });
    expect(nsError(() => data.saveRecord(dangling))).toEqual({
      name: "INVALID_KEY_OR_REF",
      message: "Invalid custrecord_log_customer reference key 77.",
    });
  });

  it("stores, searches and looks up a multiselect", () => {
    const data = account();
    const cust = data.seedCustomer({ companyname: "Acme" });
    const de = data.seedSubsidiary({ name: "Germany GmbH" });
    const id = data.saveRecord(
      data.newRecord("customrecord_sync_log", false, {
        name: "multi",
        custrecord_log_customer: cust,
        custrecord_log_subs: ["1", String(de)],
      }),
    );
    expect(data.loadRecord("customrecord_sync_log", id, false).values.custrecord_log_subs).toEqual([
      "1",
      "2",
    ]);
    const search = (values: string[]) =>
      data.runSearch(
        {
          id: null,
          scriptId: null,
          type: "customrecord_sync_log",
          title: null,
          filters: [{ name: "custrecord_log_subs", operator: "anyof", values }],
          columns: [
            { name: "custrecord_log_subs" },
            { name: "companyname", join: "custrecord_log_customer" },
          ],
          isPublic: false,
        },
        0,
        10,
      );
    expect(search(["2"]).rows[0]?.cells).toEqual([
      { value: "1,2", text: "Parent Company,Germany GmbH" },
      { value: "Acme", text: null },
    ]);
    expect(search(["3"]).total).toBe(0);
    expect(data.lookupFields("customrecord_sync_log", id, ["custrecord_log_subs"])).toEqual({
      custrecord_log_subs: [
        { value: "1", text: "Parent Company" },
        { value: "2", text: "Germany GmbH" },
      ],
    });
    const bad = data.newRecord("customrecord_sync_log", false, {
      name: "x",
      custrecord_log_customer: cust,
      custrecord_log_subs: ["1", "9"],
    });
    expect(nsError(() => data.saveRecord(bad)).message).toBe("Invalid custrecord_log_subs reference key 9.");
  });

  it("adds only the entity fields that apply to customers", () => {
    const data = account();
    expect(data.catalog.field("customer", "custentity_score")?.type).toBe("integer");
    expect(data.catalog.field("customer", "custentity_vendor_only")).toBeUndefined();
  });
});

describe("file storage", () => {
  it("keeps records and saved searches across instances without seeding twice", () => {
    const dir = mkdtempSync(join(tmpdir(), "ns-data-"));
    try {
      const file = join(dir, "account.sqlite");
      const first = new AccountData(smallProject(), { file, now: () => NOW });
      const id = first.seedCustomer({ companyname: "Acme" });
      first.saveSearch({
        id: null,
        scriptId: "customsearch_all",
        type: "customer",
        title: "All",
        filters: [],
        columns: [],
        isPublic: false,
      });
      first.close();
      const second = new AccountData(smallProject(), { file, now: () => NOW });
      expect(second.loadRecord("customer", id, false).values.companyname).toBe("Acme");
      expect(second.loadSearch("customsearch_all").id).toBe(1);
      expect(second.seedCustomer({ companyname: "Beta" })).toBe(2);
      expect(second.runSearch(second.loadSearch(1), 0, 10).total).toBe(2);
      expect(second.runSearch(second.loadSearch(1), 0, 10).rows.map((r) => r.id)).toEqual(["1", "2"]);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("record types the emulator does not model", () => {
  it("are UNSUPPORTED_BY_EMULATOR when NetSuite has them, INVALID_RCRD_TYPE when it has not", () => {
    const data = new AccountData(undefined);
    expect(() => data.loadRecord("salesorder", 1, false)).toThrow(
      expect.objectContaining({
        name: "UNSUPPORTED_BY_EMULATOR",
        message: "UNSUPPORTED_BY_EMULATOR: record type salesorder",
      }),
    );
    expect(() => data.loadRecord("salesordr", 1, false)).toThrow(
      expect.objectContaining({
        name: "INVALID_RCRD_TYPE",
        message: "The record type [SALESORDR] is invalid.",
      }),
    );
    data.close();
  });
});

describe("a value for a field a custom record type does not have", () => {
  it("is refused as not modelled (its SDF object lists every field); blank values are ignored", () => {
    const data = new AccountData(smallProject(), { now: () => NOW });
    const save = (values: Record<string, string>) =>
      data.saveRecord({ type: "customrecord_sync_log", id: null, isDynamic: false, values });
    expect(() => save({ name: "x", custrecord_log_customer: "", custrecord_log_typo: "1" })).toThrow(
      "UNSUPPORTED_BY_EMULATOR: a value for field custrecord_log_typo, which customrecord_sync_log does not have",
    );
    data.close();
  });
});
