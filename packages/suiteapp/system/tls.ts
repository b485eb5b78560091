/**
 * The local TLS certificate (certs/README.md): self-signed for 127.0.0.1 and localhost, its private key
 * public. The Stripe emulator and the sealing proxy serve HTTPS with it, because N/https calls only
 * https:// URLs; the NetSuite emulator and the SDK clients trust it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_DIR } from "./project.js";

export const CERT_FILE = join(PACKAGE_DIR, "system", "certs", "cert.pem");
export const KEY_FILE = join(PACKAGE_DIR, "system", "certs", "key.pem");
export const CERT = readFileSync(CERT_FILE);
export const TLS_KEY = readFileSync(KEY_FILE);
