export {
  type DeliveryAttempt,
  type DeliveryEndpoint,
  type DeliveryOptions,
  WebhookDelivery,
} from "./delivery.js";
export { LIVE_RETRY_WINDOW_MS, maxAttempts, RETRY_DELAYS_MS, retryDelayMs } from "./schedule.js";
export { computeSignature, newSigningSecret, type SigningMode, signatureHeader } from "./sign.js";
