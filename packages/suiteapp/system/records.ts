/** Who acts in the emulated account, and shorthands for the records the tests and tools read and save. */
import type { FieldValue, NetSuiteEmulator, SearchDef, UserSpec } from "@nss/netsuite-emulator";
import { SYNC_ROLE } from "@nss/suiteapp/ids";

/** The account's administrator: sets the SuiteApp up (account records, the configuration). */
export const ADMIN: UserSpec = { role: "administrator" };
/** A user whose role is the SuiteApp's own (not an administrator), as a finance clerk given the shipped role would be. */
export const SYNC_USER: UserSpec = { role: SYNC_ROLE, name: "Sam Clerk", email: "sam@example.com" };

/** A search definition for the emulator's data services. */
export const query = (
  type: string,
  columns: SearchDef["columns"],
  filters: SearchDef["filters"] = [],
): SearchDef => ({ id: null, scriptId: null, type, title: null, filters, columns, isPublic: false });

/** Saves a customer in subsidiary 1 as a user in the UI would (user events fire): the account's default user, or `user`. */
export const saveCustomer = (
  ns: NetSuiteEmulator,
  values: Record<string, FieldValue>,
  user?: UserSpec,
): Promise<number> =>
  ns.saveAsUser(
    { type: "customer", id: null, isDynamic: false, values: { subsidiary: "1", ...values } },
    user ? { user } : {},
  );

/** A customer's stored values. */
export const customer = (ns: NetSuiteEmulator, id: number): Record<string, FieldValue> =>
  ns.data.loadRecord("customer", id, false).values;
