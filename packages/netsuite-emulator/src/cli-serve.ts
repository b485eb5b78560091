/**
 * `nss-netsuite-emulator serve`: the emulated account over HTTP until interrupted. `--seed FILE`
 * loads account data first (records written as data, without user events): a JSON array of
 * `{ "type": "customer", "values": { … } }`, or `{ "records": [ … ] }`.
 */
import { readFileSync } from "node:fs";
import type { FieldValue } from "./data/types.js";
import { NetSuiteEmulator } from "./emulator.js";
import { startNetSuiteServer } from "./http/server.js";

export interface ServeOptions {
  project: string;
  port: number;
  formsPort: number;
  host: string;
  db?: string;
  secrets?: string;
  seed?: string;
  install: boolean;
}

interface SeedRecord {
  type: string;
  values: Record<string, FieldValue>;
}

/** The seed file's records, or an error naming the file and what is wrong. */
export function readSeed(file: string): SeedRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`--seed ${file}: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { records?: unknown })?.records;
  if (!Array.isArray(list))
    throw new Error(`--seed ${file}: expected an array of records or { "records": [...] }.`);
  return list.map((r, i) => {
    const rec = r as Partial<SeedRecord>;
    if (typeof rec?.type !== "string" || typeof rec.values !== "object" || rec.values === null) {
      throw new Error(`--seed ${file}: record ${i} needs "type" (a string) and "values" (an object).`);
    }
    return { type: rec.type, values: rec.values };
  });
}

/** Opens the account, seeds it, serves it; resolves with a stop function once listening. */
export async function serve(
  options: ServeOptions,
  out: (text: string) => void,
): Promise<{ stop: () => Promise<void> }> {
  const seed = options.seed ? readSeed(options.seed) : [];
  const emulator = await NetSuiteEmulator.open({
    projectDir: options.project,
    ...(options.db ? { db: options.db } : {}),
    ...(options.secrets ? { secretsFile: options.secrets } : {}),
    install: options.install,
  });
  try {
    for (const [i, r] of seed.entries()) {
      try {
        emulator.data.saveRecord({ type: r.type, id: null, isDynamic: false, values: r.values });
      } catch (error) {
        throw new Error(
          `--seed record ${i} (${r.type}): ${(error as Error).name}: ${(error as Error).message}`,
        );
      }
    }
    const server = await startNetSuiteServer(emulator, {
      host: options.host,
      port: options.port,
      formsPort: options.formsPort,
    });
    out(
      `NetSuite emulator for ${emulator.project.manifest.projectName} (account ${emulator.host.accountId})\n` +
        `  app:   ${server.appUrl}/  (log in: any password)\n` +
        `  forms: ${server.formsUrl}  (Suitelets available without login)\n` +
        `${seed.length ? `  seeded ${seed.length} records\n` : ""}Press Ctrl+C to stop.\n`,
    );
    return {
      stop: async () => {
        await server.close();
        await emulator.close();
      },
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
