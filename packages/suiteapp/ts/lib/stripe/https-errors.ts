/** What an N/https failure means: a network error NetSuite documents, or a secret it would not use. */

/** N/https's network errors (documented names; all become STRIPE_UNREACHABLE, as does anything unknown). */
export const NETWORK_ERRORS: ReadonlySet<string> = new Set([
  "SSS_REQUEST_TIME_EXCEEDED",
  "SSS_CONNECTION_TIME_OUT",
  "SSS_CONNECTION_CLOSED",
  "SSS_INVALID_HOST_CERT",
  "SSS_UNKNOWN_HOST",
  "SSS_REQUEST_LOOP_DETECTED",
]);
/**
 * Whether N/https failed because of the API secret: NetSuite documents no error name for a secret that
 * does not exist or may not be used here (its script, SuiteApp or domain restrictions), nor does any
 * public report. So a failure that is not one of NetSuite's network errors and names the secret, or
 * secrets, is taken as one: its message is shown as NetSuite gave it, with what to create.
 */
export function isSecretFailure(name: string, message: string, secretId: string): boolean {
  if (NETWORK_ERRORS.has(name)) return false;
  const text = `${name} ${message}`.toLowerCase();
  return text.includes(secretId.toLowerCase()) || text.includes("secret");
}
