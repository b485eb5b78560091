/**
 * @nss/suiteapp/system: the whole system assembled for Node (the sandbox, tests, benchmarks): the Stripe
 * emulator, the built SuiteApp in the NetSuite emulator, the webhook proxies, and the records that set
 * the SuiteApp up. Never part of the SuiteApp itself (ts/ is SuiteScript; this is not).
 */
export {
  defaultSecretId,
  EUROPE,
  lookUpAccountId,
  MAIN_AND_EUROPE,
  type StripeAccountValues,
  type SubsidiaryDef,
  seedSubsidiary,
  stripeAccountRecord,
  writeStripeAccount,
} from "./accounts.js";
export { Cleanup } from "./cleanup.js";
export { configRecord, ensureWebhook, saveConfig, setAutoSync, setWebhook } from "./config.js";
export { type NetSuiteOptions, openNetSuite, secretEnv } from "./netsuite.js";
export { APP_DIR, PACKAGE_DIR, projectWithConcurrency, suiteAppProject } from "./project.js";
export { type Proxies, type ProxyKeys, type ProxyOptions, proxyKeys, startProxies } from "./proxies.js";
export { ADMIN, customer, query, SYNC_USER, saveCustomer } from "./records.js";
export {
  type AccountDef,
  type Emulated,
  type Proxied,
  type Served,
  type StripeChoice,
  type System,
  type SystemAccount,
  type SystemOf,
  type SystemOptions,
  startSystem,
} from "./start.js";
export { type EmulatorAdmin, emulatorAdmin, startStripe, stripeClient } from "./stripe.js";
export { CERT, CERT_FILE, KEY_FILE, TLS_KEY } from "./tls.js";
