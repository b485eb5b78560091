/**
 * N/url in the browser. Internal Suitelet URLs are relative paths as NetSuite returns them; the
 * external URL (with its per-deployment token) comes from the server (`endpoints.resolveScript`).
 */
import { NsError, options, required, unsupported } from "../errors.js";
import { readPage } from "../page.js";

export const HostType = Object.freeze({
  APPLICATION: "APPLICATION",
  CUSTOMER_CENTER: "CUSTOMERCENTER",
  FORM: "FORM",
  RESTLET: "RESTLET",
  SUITETALK: "SUITETALK",
});

const RECORD_PATHS: Readonly<Record<string, string>> = {
  customer: "/app/common/entity/custjob.nl",
  contact: "/app/common/entity/contact.nl",
  employee: "/app/common/entity/employee.nl",
  vendor: "/app/common/entity/vendor.nl",
  partner: "/app/common/entity/partner.nl",
  subsidiary: "/app/common/otherlists/subsidiarytype.nl",
  salesorder: "/app/accounting/transactions/salesord.nl",
  invoice: "/app/accounting/transactions/custinvc.nl",
  customerpayment: "/app/accounting/transactions/custpymt.nl",
  creditmemo: "/app/accounting/transactions/custcred.nl",
};

/** `{a: 1, b: "x y"}` → `a=1&b=x%20y`; null and undefined values are left out. */
export function query(params: unknown): string {
  if (params === null || typeof params !== "object") return "";
  return Object.entries(params as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
}

export function withQuery(base: string, params: unknown): string {
  const q = query(params);
  return q ? `${base}${base.includes("?") ? "&" : "?"}${q}` : base;
}

function hostOf(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/\/+$/, "");
}

/** The external URL of a deployment, from the server (synchronous, like NetSuite's own call). */
function externalUrl(scriptId: string, deploymentId: string): string {
  const endpoint = readPage().endpoints.resolveScript;
  const xhr = new XMLHttpRequest();
  xhr.open("GET", withQuery(endpoint, { scriptId, deploymentId, external: "T" }), false);
  xhr.send();
  if (xhr.status === 200) return xhr.responseText.trim();
  let error = { name: "SSS_INVALID_SCRIPTLET_ID", message: xhr.responseText || `HTTP ${xhr.status}` };
  try {
    const parsed = JSON.parse(xhr.responseText) as { name?: string; message?: string; error?: typeof error };
    const e = parsed.error ?? parsed;
    if (e.name && e.message) error = { name: e.name, message: e.message };
  } catch {
    // Not JSON: keep the text as the message.
  }
  throw new NsError(error.name, error.message);
}

export function resolveScript(arg: unknown): string {
  const opts = options(arg);
  const scriptId = String(required(opts, "scriptId", "url.resolveScript"));
  const deploymentId = String(required(opts, "deploymentId", "url.resolveScript"));
  if (opts.returnExternalUrl) return withQuery(externalUrl(scriptId, deploymentId), opts.params);
  const path = `/app/site/hosting/scriptlet.nl?script=${encodeURIComponent(scriptId)}&deploy=${encodeURIComponent(deploymentId)}`;
  return withQuery(path, opts.params);
}

function resolveRecord(arg: unknown): string {
  const opts = options(arg);
  const recordType = String(required(opts, "recordType", "url.resolveRecord")).toLowerCase();
  const params: Record<string, unknown> = {};
  let path = RECORD_PATHS[recordType];
  if (recordType.startsWith("customrecord")) {
    path = "/app/common/custom/custrecordentry.nl";
    params.rectype = recordType;
  }
  if (!path) throw unsupported(`N/url.resolveRecord(${recordType})`);
  if (opts.recordId !== undefined && opts.recordId !== null) params.id = opts.recordId;
  if (opts.isEditMode) params.e = "T";
  const extra = opts.params && typeof opts.params === "object" ? opts.params : {};
  return withQuery(path, { ...params, ...extra });
}

function resolveDomain(arg: unknown): string {
  const opts = options(arg);
  const hostType = String(required(opts, "hostType", "url.resolveDomain"));
  const { domains, accountId } = readPage();
  if (opts.accountId !== undefined && String(opts.accountId) !== accountId) {
    throw unsupported("N/url.resolveDomain(accountId of another account)");
  }
  const byType: Record<string, string> = {
    APPLICATION: domains.app,
    FORM: domains.forms,
    RESTLET: domains.restlets,
    SUITETALK: domains.system,
  };
  const domain = byType[hostType];
  if (domain !== undefined) return hostOf(domain);
  if (hostType === HostType.CUSTOMER_CENTER) throw unsupported("N/url.resolveDomain(CUSTOMERCENTER)");
  throw new NsError("INVALID_HOST_TYPE", `url.resolveDomain: invalid hostType ${hostType}`);
}

export function createUrlModule(): Record<string, unknown> {
  return {
    HostType,
    resolveScript,
    resolveRecord,
    resolveDomain,
    format(arg: unknown): string {
      const opts = options(arg);
      return withQuery(String(required(opts, "domain", "url.format")), opts.params);
    },
    resolveTaskLink() {
      throw unsupported("N/url.resolveTaskLink");
    },
  };
}
