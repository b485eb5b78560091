/** What the loader needs of the SDF reference beyond ./reference: entity types and script ID prefixes. */

/** `appliesto…` elements of an entity field, each naming an entity type. */
export const APPLIES_TO = [
  "contact",
  "customer",
  "employee",
  "genericrsrc",
  "group",
  "othername",
  "partner",
  "pricelist",
  "project",
  "projecttemplate",
  "statement",
  "vendor",
  "website",
] as const;

/** Script ID prefixes ("SDF Custom Object File Structure": the correct prefix must be used for its type). */
export const PREFIX = {
  script: "customscript",
  deployment: "customdeploy",
  scriptField: "custscript",
  entityField: "custentity",
  recordType: "customrecord",
  recordField: "custrecord",
  secret: "custsecret",
  savedSearch: "customsearch",
  role: "customrole",
} as const;
