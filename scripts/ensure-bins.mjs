// After a build: make every workspace's `bin` runnable. tsc writes files without the execute bit, and
// `npm ci` on a fresh clone skips linking a bin whose file does not exist yet (dist/ is built later),
// so `npx nss-stripe-emulator` would otherwise go looking on the registry.
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const binDir = join(root, "node_modules", ".bin");
const { workspaces = [] } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
for (const workspace of workspaces) {
  const pkg = JSON.parse(readFileSync(join(root, workspace, "package.json"), "utf8"));
  const bins = typeof pkg.bin === "string" ? { [pkg.name.split("/").pop()]: pkg.bin } : (pkg.bin ?? {});
  for (const [name, bin] of Object.entries(bins)) {
    const file = join(root, workspace, bin);
    if (!existsSync(file)) continue;
    chmodSync(file, 0o755);
    const link = join(binDir, name);
    let linked = false;
    try {
      linked = lstatSync(link).isSymbolicLink() || existsSync(link);
    } catch {
      linked = false;
    }
    if (!linked) {
      mkdirSync(binDir, { recursive: true });
      symlinkSync(join("..", pkg.name, bin), link);
    }
  }
}
