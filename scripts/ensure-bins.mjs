// tsc writes files without the execute bit: make every workspace's `bin` runnable after a build,
// so `npx nss-stripe-emulator` works on a fresh clone.
import { chmodSync, existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { workspaces = [] } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
for (const workspace of workspaces) {
  const pkg = JSON.parse(readFileSync(join(root, workspace, "package.json"), "utf8"));
  const bins = typeof pkg.bin === "string" ? [pkg.bin] : Object.values(pkg.bin ?? {});
  for (const bin of bins) {
    const file = join(root, workspace, bin);
    if (existsSync(file)) chmodSync(file, 0o755);
  }
}
