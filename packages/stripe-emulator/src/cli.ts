#!/usr/bin/env node
/** `nss-stripe-emulator`: runs the emulator until Ctrl-C. */
import { parseCliArgs, usageText } from "./cli-args.js";
import { startStripeEmulator } from "./server.js";

const parsed = parseCliArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.message}\n\n${usageText()}`);
  process.exit(2);
}
const { options } = parsed;
if (options.help) {
  console.log(usageText());
  process.exit(0);
}

try {
  const emulator = await startStripeEmulator({
    port: options.port,
    host: options.host,
    ...(options.db !== undefined ? { db: options.db } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.rateLimits !== undefined ? { rateLimits: options.rateLimits } : {}),
    ...(options.searchLagMs !== undefined ? { searchLagMs: options.searchLagMs } : {}),
    ...(options.retryScale !== undefined ? { retryScale: options.retryScale } : {}),
  });
  console.log(`Stripe emulator listening on ${emulator.url} (dashboard: ${emulator.url}/)`);
  console.log(
    `Use it with: new Stripe("sk_test_anything", { host: "${options.host}", port: ${emulator.port}, protocol: "http" })`,
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") console.error(`Port ${options.port} is in use: choose another with --port.`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
