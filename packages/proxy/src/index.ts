/**
 * @nss/proxy: the stateless webhook proxy between Stripe and the SuiteApp's webhook Suitelet.
 * The contract it speaks to NetSuite (ForwardRequest, NetSuiteAnswer) lives in @nss/core.
 */
export { createProxyApp, createProxyHandlers, type ProxyDeps } from "./app.js";
export { CONFIG_DEFAULTS, loadConfig, MIN_ADMIN_TOKEN_LENGTH, type ProxyConfig } from "./config.js";
export {
  createForwarder,
  type Forward,
  type Forwarder,
  type ForwardOptions,
  type ForwardOutcome,
} from "./forward.js";
export { createLogger, type Logger, REDACT_PATHS } from "./log.js";
export { Metrics } from "./metrics.js";
export {
  generateSealKey,
  MAX_SEALED_CHARS,
  type Opened,
  openSeal,
  parseSealKeys,
  type SealedTarget,
  type SealKey,
  type SealProblem,
  seal,
} from "./seal.js";
export { SealCache } from "./seal-cache.js";
export { type RunningProxy, startProxy } from "./server.js";
export {
  DEFAULT_ALLOWED_TARGETS,
  describeTargetRules,
  isAllowedTarget,
  parseTargetRules,
  type TargetRule,
} from "./targets.js";
export { type Verified, verifyStripeEvent } from "./verify.js";
