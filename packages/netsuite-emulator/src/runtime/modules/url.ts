/**
 * N/url (Oracle: "N/url Module", "url.resolveScript(options)", "url.resolveDomain(options)",
 * "url.format(options)"). Domains come from RuntimeInfo.domains; the external URL's per-deployment
 * `ns-at` token comes from the host (`url.externalToken`), as NetSuite issues it server-side.
 */
import { NsError, unsupported } from "../../errors.js";
import type { ScriptEnv } from "../env.js";
import { enumOf, options, required, withUnsupported } from "./util.js";

export const HostType = enumOf({
  APPLICATION: "APPLICATION",
  CUSTOMER_CENTER: "CUSTOMERCENTER",
  FORM: "FORM",
  RESTLET: "RESTLET",
  SUITETALK: "SUITETALK",
});

/** Record pages NetSuite's resolveRecord returns, by record type. */
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
function query(params: unknown): string {
  if (params === null || typeof params !== "object") return "";
  return Object.entries(params as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
}

function withQuery(base: string, params: unknown): string {
  const q = query(params);
  if (!q) return base;
  return `${base}${base.includes("?") ? "&" : "?"}${q}`;
}

function hostOf(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/\/+$/, "");
}

export function createUrlModule(env: ScriptEnv): Record<string, unknown> {
  const info = env.invocation.runtime;
  const module = {
    HostType,
    /**
     * Suitelets only: the contract gives no way to tell a RESTlet's script ID from a Suitelet's, so
     * the path is always `scriptlet.nl` (RESTlets use `restlet.nl` on the restlets domain).
     */
    resolveScript(arg: unknown): string {
      const opts = options(arg);
      const scriptId = String(required(opts, "scriptId", "url.resolveScript"));
      const deploymentId = String(required(opts, "deploymentId", "url.resolveScript"));
      const path = `/app/site/hosting/scriptlet.nl?script=${encodeURIComponent(scriptId)}&deploy=${encodeURIComponent(deploymentId)}`;
      if (!opts.returnExternalUrl) return withQuery(path, opts.params);
      const token = env.call<string>("url.externalToken", scriptId, deploymentId);
      const external = `${info.domains.forms}${path}&compid=${encodeURIComponent(info.accountId)}&ns-at=${encodeURIComponent(token)}`;
      return withQuery(external, opts.params);
    },
    resolveRecord(arg: unknown): string {
      const opts = options(arg);
      const recordType = String(required(opts, "recordType", "url.resolveRecord")).toLowerCase();
      const path = RECORD_PATHS[recordType];
      if (!path) throw unsupported(`N/url.resolveRecord(${recordType})`);
      const params: Record<string, unknown> = {};
      if (opts.recordId !== undefined && opts.recordId !== null) params.id = opts.recordId;
      if (opts.isEditMode) params.e = "T";
      const extra = opts.params && typeof opts.params === "object" ? opts.params : {};
      return withQuery(path, { ...params, ...extra });
    },
    /** A host name without protocol, as NetSuite returns it (`123456.app.netsuite.com`). */
    resolveDomain(arg: unknown): string {
      const opts = options(arg);
      const hostType = String(required(opts, "hostType", "url.resolveDomain"));
      if (opts.accountId !== undefined && String(opts.accountId) !== info.accountId) {
        throw unsupported("N/url.resolveDomain(accountId of another account)");
      }
      switch (hostType) {
        case HostType.APPLICATION:
          return hostOf(info.domains.app);
        case HostType.FORM:
          return hostOf(info.domains.forms);
        case HostType.RESTLET:
          return hostOf(info.domains.restlets);
        case HostType.SUITETALK:
          return hostOf(info.domains.system);
        case HostType.CUSTOMER_CENTER:
          throw unsupported("N/url.resolveDomain(CUSTOMERCENTER)");
        default:
          throw new NsError("INVALID_HOST_TYPE", `url.resolveDomain: invalid hostType ${hostType}`);
      }
    },
    format(arg: unknown): string {
      const opts = options(arg);
      const domain = String(required(opts, "domain", "url.format"));
      return withQuery(domain, opts.params);
    },
  };
  return withUnsupported(module, "N/url", ["resolveTaskLink"]);
}
