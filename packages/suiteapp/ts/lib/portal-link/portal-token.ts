/**
 * The customer portal link's token: 32 random bytes from N/crypto/random as 64 lowercase hex digits,
 * stored on the customer link record (custrecord_nss_link_portal_token) and carried in the external
 * Suitelet's URL (`…&t=<token>`). It is not derived from anything: revoking a link is changing or
 * blanking its token. No governance units (N/crypto/random and N/url.resolveScript cost none).
 */
import * as random from "N/crypto/random";
import * as url from "N/url";
import { PORTAL_SUITELET } from "../records/object-ids.js";

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[0-9a-f]{64}$/;

/** Whether `value` has a token's shape; anything else (blank, `REVOKED`, a short guess) is refused. */
export function isPortalToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** A fresh token (256 bits). */
export function newPortalToken(): string {
  const bytes = random.generateBytes({ size: TOKEN_BYTES });
  let hex = "";
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i] ?? 0).toString(16).padStart(2, "0");
  return hex;
}

/** The external URL of the portal Suitelet for a token; '' for a value that is not a token. */
export function portalUrl(token: string): string {
  if (!isPortalToken(token)) return "";
  return url.resolveScript({
    scriptId: PORTAL_SUITELET.scriptId,
    deploymentId: PORTAL_SUITELET.deploymentId,
    returnExternalUrl: true,
    params: { [PORTAL_SUITELET.tokenParam]: token },
  });
}

/**
 * `portalUrl` for many tokens at the cost of one resolveScript: the URL of a placeholder token, with
 * each token put in its place (the mass sync compares every customer's portal link).
 */
export function portalUrlBuilder(): (token: string) => string {
  const placeholder = "0".repeat(TOKEN_BYTES * 2);
  const template = portalUrl(placeholder);
  const at = template.lastIndexOf(placeholder);
  return (token) =>
    !isPortalToken(token) || at < 0
      ? ""
      : `${template.slice(0, at)}${token}${template.slice(at + placeholder.length)}`;
}
