/**
 * A small sample account for tests and the sandbox: three subsidiaries, two currencies and four
 * customers, one of them shared with every subsidiary. The project adds two customer fields
 * (custentity_sync_enabled checkbox, custentity_score integer).
 */
import type { CustomFieldDef, Project } from "../sdf/types.js";
import type { AccountData } from "./store.js";

function entityField(scriptId: string, fieldType: string, defaultValue?: string): CustomFieldDef {
  return {
    scriptId,
    label: scriptId,
    fieldType,
    mandatory: false,
    storeValue: true,
    appliesTo: ["customer"],
    ...(defaultValue ? { defaultValue } : {}),
  };
}

export function sampleProject(dir = "/sample"): Project {
  return {
    dir,
    manifest: {
      projectType: "ACCOUNTCUSTOMIZATION",
      projectName: "sample",
      frameworkVersion: "1.0",
      features: [],
    },
    fileCabinet: `${dir}/src/FileCabinet`,
    deployPaths: { files: [], objects: [], run: [] },
    entityFields: [
      entityField("custentity_sync_enabled", "CHECKBOX", "T"),
      entityField("custentity_score", "INTEGER"),
    ],
    customRecordTypes: [],
    scripts: [],
  };
}

/**
 * Subsidiaries 1 Parent Company (US, USD), 2 Germany GmbH (DE, EUR), 3 UK Ltd (GB, USD).
 * Customers 1 Acme Corp (sub 1, shared with 2 and 3), 2 Beta GmbH (sub 2, inactive, category 3),
 * 3 Gamma Ltd (sub 3, no email, no score), 4 Ann Lee (a person, sub 1). Created 2024-03-01 12:00,
 * 2024-03-14 23:59, 2024-03-15 08:00 and 2024-02-10 15:45 UTC.
 */
export function seedSample(data: AccountData): void {
  const eur = data.seedCurrency({ name: "EUR" });
  data.seedSubsidiary({ name: "Germany GmbH", country: "DE", currency: String(eur) });
  data.seedSubsidiary({ name: "UK Ltd", country: "GB" });
  data.seedCustomer({
    companyname: "Acme Corp",
    email: "ops@acme.test",
    custentity_score: 10,
    billcountry: "US",
    billcity: "Boston",
    datecreated: "2024-03-01T12:00:00.000Z",
  });
  data.seedCustomer({
    companyname: "Beta GmbH",
    email: "info@beta.test",
    subsidiary: "2",
    custentity_score: 25,
    billcountry: "DE",
    isinactive: true,
    category: "3",
    datecreated: "2024-03-14T23:59:00.000Z",
  });
  data.seedCustomer({
    companyname: "Gamma Ltd",
    subsidiary: "3",
    billcountry: "GB",
    datecreated: "2024-03-15T08:00:00.000Z",
  });
  data.seedCustomer({
    isperson: true,
    firstname: "Ann",
    lastname: "Lee",
    email: "ann@lee.test",
    custentity_score: 5,
    datecreated: "2024-02-10T15:45:00.000Z",
  });
  data.seedCustomerSubsidiary(1, 2);
  data.seedCustomerSubsidiary(1, 3);
}
