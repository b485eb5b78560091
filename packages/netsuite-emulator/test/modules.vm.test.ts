import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { HttpRequestData } from "../src/runtime/contracts.js";
import { makeEnv } from "./helpers/module-env.js";

/** Scripts run in a `vm` context: their Dates, arrays and objects come from another realm. */
describe("N/* modules called from a vm context", () => {
  it("accept the script realm's Dates, arrays and objects", () => {
    const t = makeEnv();
    t.data.insert("subsidiary", { name: "Parent" }, 1);
    const sandbox = {
      record: t.env.module("N/record"),
      search: t.env.module("N/search"),
      https: t.env.module("N/https"),
      format: t.env.module("N/format"),
      out: {} as Record<string, unknown>,
    };
    runInNewContext(
      `
      const rec = record.create({ type: record.Type.CUSTOMER });
      rec.setValue({ fieldId: "custentity_since", value: new Date(Date.UTC(2024, 0, 5)) });
      rec.setValue({ fieldId: "subsidiary", value: "1" });
      rec.setValue({ fieldId: "custentity_tags", value: ["1", "2"] });
      const id = rec.save();
      const found = [];
      search.create({ type: "customer", filters: [["subsidiary", "anyof", ["1"]]], columns: ["subsidiary"] })
        .run().each((r) => { found.push(JSON.stringify(r)); return true; });
      const secret = https.createSecureString({ input: "{custsecret_key}" });
      https.post({ url: "https://api.example.com", headers: { Authorization: secret }, body: { a: "1" } });
      out.id = id;
      out.found = found;
      out.date = format.format({ value: new Date(Date.UTC(2024, 0, 5)), type: format.Type.DATE });
      `,
      sandbox,
    );
    expect(t.data.loadRecord("customer", sandbox.out.id as number, false).values).toMatchObject({
      custentity_since: "2024-01-05T00:00:00.000Z",
      custentity_tags: ["1", "2"],
    });
    expect(sandbox.out.found).toEqual([
      JSON.stringify({
        recordType: "customer",
        id: String(sandbox.out.id),
        values: { subsidiary: { value: "1", text: "Parent" } },
      }),
    ]);
    expect(sandbox.out.date).toBe("1/5/2024");
    const request = t.hostCalls("https.request")[0]?.args[0] as HttpRequestData;
    expect(request.secureFields).toEqual(["Authorization"]);
    expect(request.body).toBe("a=1");
  });
});
