/**
 * The saved searches the installation creates, as plain data. The two mapping searches label each
 * column with the Stripe customer field it fills, in core's label grammar (`parseColumnLabels`); the
 * default payment method search only selects customers, so its labels are for people.
 */
import { CUSTOMER_FIELDS, DEFAULT_SEARCH_IDS } from "../records/object-ids.js";

export interface ColumnDef {
  name: string;
  join?: string;
  label: string;
  sort?: "ASC" | "DESC";
}

export interface SearchDef {
  id: string;
  title: string;
  type: "customer";
  /** A filter expression, as `search.create({ filters })` takes it. */
  filters: unknown[];
  columns: ColumnDef[];
  /** Whether the columns are a mapping that core's label grammar must accept. */
  mapped: boolean;
}

/**
 * Customer fields to Stripe customer fields. `entityid` fills `name`: NetSuite builds it from the
 * company name, or from first and last name for an individual, so one column serves both (with
 * auto-generated customer numbers it is a number instead: then relabel companyname, or a formula
 * column on {altname}). The default billing address fills Stripe's address.
 */
const MAPPED_COLUMNS: readonly ColumnDef[] = [
  { name: "email", label: "email" },
  { name: "entityid", label: "name" },
  { name: "phone", label: "phone" },
  { name: "billaddress1", label: "address.line1" },
  { name: "billaddress2", label: "address.line2" },
  { name: "billcity", label: "address.city" },
  { name: "billstate", label: "address.state" },
  { name: "billzipcode", label: "address.postal_code" },
  { name: "billcountry", label: "address.country" },
];

/**
 * @param multiSubsidiary whether customers can belong to several subsidiaries (OneWorld with
 * Multi-Subsidiary Customer): then the mass sync search has one row per subsidiary of each customer,
 * through the `msesubsidiary` join. The join stays in the criteria: every column must fill a Stripe
 * field, so the mass sync adds its own `msesubsidiary.internalid` column when it runs the search.
 */
export function defaultSearches(multiSubsidiary: boolean): SearchDef[] {
  // Customers only: leads and prospects share the record and its searches (stage tells them apart).
  const customers: unknown[] = [["isinactive", "is", "F"], "AND", ["stage", "anyof", "CUSTOMER"]];
  return [
    {
      id: DEFAULT_SEARCH_IDS.singleSync,
      title: "NetSuite–Stripe: Single Customer Sync",
      type: "customer",
      // The button and the create trigger add the customer's internal ID.
      filters: [],
      columns: [...MAPPED_COLUMNS],
      mapped: true,
    },
    {
      id: DEFAULT_SEARCH_IDS.massSync,
      title: "NetSuite–Stripe: Mass Customer Sync",
      type: "customer",
      filters: multiSubsidiary
        ? [...customers, "AND", ["msesubsidiary.internalid", "noneof", "@NONE@"]]
        : customers,
      columns: [...MAPPED_COLUMNS],
      mapped: true,
    },
    {
      id: DEFAULT_SEARCH_IDS.defaultPaymentMethod,
      title: "NetSuite–Stripe: Default Payment Method Refresh",
      type: "customer",
      filters: [...customers, "AND", [CUSTOMER_FIELDS.stripeCustomerId, "isnotempty", ""]],
      columns: [
        { name: CUSTOMER_FIELDS.stripeCustomerId, label: "Stripe Customer ID" },
        // Longest unread first, so a run cut short by governance resumes where it matters most.
        { name: CUSTOMER_FIELDS.defaultPaymentMethodRead, label: "Payment Method Read", sort: "ASC" },
      ],
      mapped: false,
    },
  ];
}
