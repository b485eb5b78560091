import { describe, expect, it } from "vitest";
import type { NsRecord } from "../src/runtime/modules/record.js";
import { makeEnv } from "./helpers/module-env.js";

interface RecordModule {
  Type: Record<string, string>;
  create(o: unknown): NsRecord;
  load(o: unknown): NsRecord;
  delete(o: unknown): number;
  submitFields(o: unknown): number;
  copy(o: unknown): unknown;
  transform(o: unknown): unknown;
}

function setup(usageLimit?: number) {
  const t = makeEnv(usageLimit === undefined ? {} : { usageLimit });
  const parent = t.data.insert("subsidiary", { name: "Parent" }, 1);
  const record = t.module<RecordModule>("N/record");
  return { t, record, parent };
}

describe("N/record", () => {
  it("has the Type enum with NetSuite's IDs, frozen", () => {
    const { record } = setup();
    expect(record.Type.CUSTOMER).toBe("customer");
    expect(record.Type.SUBSIDIARY).toBe("subsidiary");
    expect(record.Type.SALES_ORDER).toBe("salesorder");
    expect(Object.isFrozen(record.Type)).toBe(true);
  });

  it("creates, sets values (chaining), saves through the host, and loads back typed values", () => {
    const { t, record } = setup();
    const rec = record.create({ type: "customer", isDynamic: true, defaultValues: { companyname: "Acme" } });
    expect(rec.id).toBeNull();
    expect(rec.type).toBe("customer");
    expect(rec.isDynamic).toBe(true);
    expect(rec.getValue("companyname")).toBe("Acme");
    const same = rec
      .setValue({ fieldId: "email", value: "a@b.c" })
      .setValue({ fieldId: "subsidiary", value: "1" })
      .setValue({ fieldId: "custentity_flag", value: true })
      .setValue({ fieldId: "custentity_since", value: new Date("2024-01-05T00:00:00Z") });
    expect(same).toBe(rec);
    const id = rec.save({ ignoreMandatoryFields: true });
    expect(typeof id).toBe("number");
    expect(rec.id).toBe(id);
    const save = t.hostCalls("record.save")[0];
    expect(save?.args[0]).toMatchObject({
      record: { type: "customer", values: { email: "a@b.c", custentity_since: "2024-01-05T00:00:00.000Z" } },
      options: { ignoreMandatoryFields: true },
    });

    const loaded = record.load({ type: record.Type.CUSTOMER, id });
    expect(loaded.id).toBe(id);
    expect(loaded.getValue({ fieldId: "custentity_flag" })).toBe(true);
    expect(loaded.getValue("subsidiary")).toBe("1");
    const since = loaded.getValue("custentity_since");
    expect(Object.prototype.toString.call(since)).toBe("[object Date]");
    expect((since as Date).toISOString()).toBe("2024-01-05T00:00:00.000Z");
    expect(loaded.getText("subsidiary")).toBe("Parent");
    expect(loaded.getFields()).toEqual(expect.arrayContaining(["email", "subsidiary", "custentity_flag"]));
  });

  it("setText looks the value up; getText of a checkbox gives T/F", () => {
    const { record } = setup();
    const rec = record.create({ type: "customer" });
    rec.setText({ fieldId: "subsidiary", text: "Parent" });
    expect(rec.getValue("subsidiary")).toBe("1");
    expect(rec.getText("isinactive")).toBe("F");
    expect(() => rec.setText({ fieldId: "subsidiary", text: "Nope" })).toThrow(
      expect.objectContaining({ name: "INVALID_FLD_VALUE" }),
    );
  });

  it("toJSON gives {id, type, isDynamic, fields, sublists} with string values", () => {
    const { t, record } = setup();
    const id = t.data.insert("customer", {
      email: "a@b.c",
      isinactive: false,
      subsidiary: "1",
      balance: 12.5,
    });
    const json = JSON.parse(JSON.stringify(record.load({ type: "customer", id })));
    expect(json).toEqual({
      id: String(id),
      type: "customer",
      isDynamic: false,
      fields: { email: "a@b.c", isinactive: "F", subsidiary: "1", balance: "12.5" },
      sublists: {},
    });
  });

  it("charges governance by record kind before each call", () => {
    const { t, record } = setup();
    const meter = t.env.meter;
    const cases: [() => unknown, number][] = [
      [() => record.create({ type: "customer" }), 5],
      [() => record.create({ type: "customrecord_x" }), 2],
      [() => record.create({ type: "salesorder" }), 10],
      [() => record.create({ type: "customer" }).save(), 5 + 10],
      [() => record.create({ type: "customrecord_x" }).save(), 2 + 4],
      [() => record.create({ type: "invoice" }).save(), 10 + 20],
    ];
    for (const [run, units] of cases) {
      const before = meter.usage;
      run();
      expect(meter.usage - before).toBe(units);
    }
    const id = t.data.insert("customer", { email: "x" });
    let before = meter.usage;
    record.load({ type: "customer", id });
    expect(meter.usage - before).toBe(5);
    before = meter.usage;
    expect(record.submitFields({ type: "customer", id, values: { email: "y" } })).toBe(id);
    // A Date is not the text submitFields documents: not guessed at.
    expect(() =>
      record.submitFields({ type: "customer", id, values: { custentity_since: new Date() } }),
    ).toThrow("UNSUPPORTED_BY_EMULATOR: N/record.submitFields with a Date for custentity_since");
    expect(meter.usage - before).toBe(5);
    expect(t.data.loadRecord("customer", id, false).values.email).toBe("y");
    before = meter.usage;
    expect(record.delete({ type: "customer", id })).toBe(id);
    expect(meter.usage - before).toBe(10);
    const txn = t.data.insert("salesorder", {});
    before = meter.usage;
    record.delete({ type: "salesorder", id: txn });
    expect(meter.usage - before).toBe(20);
  });

  it("throws SSS_USAGE_LIMIT_EXCEEDED before the call when the units are not there", () => {
    const { t, record } = setup(12);
    const rec = record.create({ type: "customer" });
    expect(() => rec.save()).toThrow(expect.objectContaining({ name: "SSS_USAGE_LIMIT_EXCEEDED" }));
    expect(t.hostCalls("record.save")).toHaveLength(0);
    expect(t.env.meter.usage).toBe(5);
  });

  it("throws SSS_MISSING_REQD_ARGUMENT for missing arguments", () => {
    const { record } = setup();
    const missing = expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" });
    expect(() => record.create({})).toThrow(missing);
    expect(() => record.load({ type: "customer" })).toThrow(missing);
    expect(() => record.delete({ id: 1 })).toThrow(missing);
    expect(() => record.submitFields({ type: "customer", id: 1 })).toThrow(missing);
    const rec = record.create({ type: "customer" });
    expect(() => rec.getValue({})).toThrow(missing);
    expect(() => rec.setValue({ fieldId: "email" })).toThrow(missing);
  });

  it("passes the data layer's errors through (RCRD_DSNT_EXIST)", () => {
    const { record } = setup();
    expect(() => record.load({ type: "customer", id: 999 })).toThrow(
      expect.objectContaining({ name: "RCRD_DSNT_EXIST" }),
    );
  });

  it("throws UNSUPPORTED_BY_EMULATOR for sublists, copy and transform", () => {
    const { record } = setup();
    const rec = record.create({ type: "customer" }) as unknown as Record<string, () => unknown>;
    expect(() => rec.getLineCount?.()).toThrow("UNSUPPORTED_BY_EMULATOR: N/record.Record.getLineCount");
    expect(() => rec.setSublistValue?.()).toThrow("UNSUPPORTED_BY_EMULATOR: N/record.Record.setSublistValue");
    expect(() => record.copy({})).toThrow("UNSUPPORTED_BY_EMULATOR: N/record.copy");
    expect(() => record.transform({})).toThrow("UNSUPPORTED_BY_EMULATOR: N/record.transform");
    expect(() => (record.load as unknown as { promise: () => unknown }).promise()).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/record.load.promise",
    );
  });
});
