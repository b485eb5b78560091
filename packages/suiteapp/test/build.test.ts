/**
 * The built SuiteScript files (`npm run build`), read as NetSuite would: each is one AMD `define` call
 * with the SuiteScript header first, needs only N/* modules, touches nothing SuiteScript lacks, stays
 * within ES2019, and loads in the NetSuite emulator for the script record that names it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import {
  loadProject,
  NetSuiteEmulator,
  SCRIPT_TYPE_HEADER,
  type ScriptDef,
  validateProject,
} from "@nss/netsuite-emulator";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_DIR, builtFiles, emulatorProjectDir, SECRETS_FILE } from "./helpers/project.js";

const files = builtFiles();
const APP_PATH = "/SuiteApps/com.nss.stripesync/";
/**
 * Client scripts a user event attaches to a form with Form.clientScriptModulePath: NetSuite needs no
 * script record for them, and they run in the browser, not in the server emulator.
 */
const ATTACHED_CLIENT_SCRIPTS = new Set(["nss_customer_cs.js", "nss_ops_cs.js"]);
const serverFiles = files.filter((f) => !ATTACHED_CLIENT_SCRIPTS.has(f));

/** Entry points a script type must export (at least one of each inner list). */
const ENTRY_POINTS: Record<string, string[][]> = {
  SDFInstallationScript: [["run"]],
  UserEventScript: [["beforeLoad", "beforeSubmit", "afterSubmit"]],
  ClientScript: [["pageInit", "fieldChanged", "saveRecord", "postSourcing", "validateField"]],
  Suitelet: [["onRequest"]],
  MapReduceScript: [["getInputData"], ["map", "reduce"]],
  ScheduledScript: [["execute"]],
  Restlet: [["get", "post", "put", "delete"]],
};

/** Globals of Node and the web that SuiteScript 2.1 server scripts do not have. */
const FORBIDDEN_GLOBALS = new Set([
  "process",
  "Buffer",
  "require",
  "module",
  "TextEncoder",
  "TextDecoder",
  "fetch",
  "setTimeout",
  "setInterval",
  "crypto",
  "URL",
  "URLSearchParams",
  "console",
]);

const read = (file: string): string => readFileSync(join(APP_DIR, file), "utf8");
const parse = (file: string): ts.SourceFile =>
  ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);

/** The script records of the project, by the File Cabinet path of their script file. */
function scriptsByFile(dir: string): Map<string, ScriptDef> {
  const project = loadProject(dir);
  return new Map(project.scripts.map((s) => [s.scriptFile, s]));
}

/** The `define([...deps], function (...) {...})` call that must be the file's only statement. */
function defineCall(source: ts.SourceFile): { deps: string[]; factory: ts.FunctionExpression } {
  expect(source.statements).toHaveLength(1);
  const [statement] = source.statements;
  if (!statement || !ts.isExpressionStatement(statement)) throw new Error("not an expression statement");
  const call = statement.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== "define") {
    throw new Error("the statement is not a define(...) call");
  }
  expect(call.arguments).toHaveLength(2);
  const [list, fn] = call.arguments;
  if (!list || !ts.isArrayLiteralExpression(list)) throw new Error("define's first argument is not an array");
  const deps = list.elements.map((e) => {
    if (!ts.isStringLiteral(e)) throw new Error("a define dependency is not a string literal");
    return e.text;
  });
  let factory = fn;
  while (factory && ts.isParenthesizedExpression(factory)) factory = factory.expression;
  if (!factory || !ts.isFunctionExpression(factory)) throw new Error("define's factory is not a function");
  return { deps, factory };
}

/** Identifiers used as variables (not property names) that no declaration in the file binds. */
function freeIdentifiers(source: ts.SourceFile): Set<string> {
  const declared = new Set<string>();
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isParameter(node) ||
        ts.isClassDeclaration(node) ||
        ts.isBindingElement(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      declared.add(node.name.text);
    }
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isMethodDeclaration(parent) && parent.name === node) ||
        (ts.isShorthandPropertyAssignment(parent) && parent.name === node);
      if (!isPropertyName || ts.isShorthandPropertyAssignment(parent)) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return new Set([...used].filter((n) => !declared.has(n)));
}

/** Syntax newer than ES2019 (optional chaining, `??`, logical assignment, bigint, class fields, `#x`). */
function newerThanEs2019(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && node.questionDotToken)
      found.push("?.");
    if (ts.isCallExpression(node) && node.questionDotToken) found.push("?.()");
    if (ts.isBinaryExpression(node)) {
      const kind = node.operatorToken.kind;
      if (kind === ts.SyntaxKind.QuestionQuestionToken) found.push("??");
      if (
        kind === ts.SyntaxKind.QuestionQuestionEqualsToken ||
        kind === ts.SyntaxKind.BarBarEqualsToken ||
        kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken
      )
        found.push("logical assignment");
    }
    if (node.kind === ts.SyntaxKind.BigIntLiteral) found.push("bigint literal");
    if (ts.isPrivateIdentifier(node)) found.push("#private");
    if (ts.isPropertyDeclaration(node)) found.push("class field");
    if (ts.isClassStaticBlockDeclaration(node)) found.push("static block");
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the build", () => {
  it("wrote at least the installation script", () => {
    expect(files).toContain("nss_install.js");
  });

  it("wrote a file for every script record and a script record for every file", () => {
    const byFile = scriptsByFile(emulatorProjectDir());
    const builtPaths = serverFiles.map((f) => APP_PATH + f).sort();
    expect([...byFile.keys()].sort()).toEqual(builtPaths);
  });

  it("wrote every attached client script", () => {
    for (const file of ATTACHED_CLIENT_SCRIPTS) expect(files).toContain(file);
  });
});

/** The script type a file's script record gives it (ClientScript for an attached client script). */
function typeOf(file: string): string {
  if (ATTACHED_CLIENT_SCRIPTS.has(file)) return "ClientScript";
  const script = scriptsByFile(emulatorProjectDir()).get(APP_PATH + file);
  if (!script) throw new Error(`no script record names ${APP_PATH}${file}`);
  return SCRIPT_TYPE_HEADER[script.type];
}

describe.each(files)("%s", (file) => {
  const source = read(file);

  it("starts with the SuiteScript header of its script record's type", () => {
    const type = typeOf(file);
    const header = /^\/\*\*[\s\S]*?\*\//.exec(source)?.[0];
    expect(header, "the file must begin with a /** … */ block").toBeDefined();
    expect(header).toMatch(/@NApiVersion 2\.1\b/);
    expect(header).toMatch(new RegExp(`@NScriptType ${type}\\b`));
    expect(header).toMatch(/@NModuleScope SameAccount\b/);
    // The first comment is the header: nothing, not even a comment, comes before it.
    expect(source.startsWith("/**")).toBe(true);
  });

  it("is exactly one define([...], function (...) {...}) call with N/* or File Cabinet dependencies", () => {
    const { deps, factory } = defineCall(parse(file));
    expect(deps.length).toBeGreaterThan(0);
    for (const dep of deps) expect(dep).toMatch(/^(N\/[a-zA-Z/]+|\.\.?\/[\w./-]+|\/SuiteApps\/[\w./-]+)$/);
    expect(factory.parameters).toHaveLength(deps.length);
  });

  it("uses no Node or web global (process, Buffer, require, TextEncoder, fetch, …)", () => {
    const free = freeIdentifiers(parse(file));
    expect([...free].filter((n) => FORBIDDEN_GLOBALS.has(n))).toEqual([]);
    expect(source).not.toMatch(/\brequire\s*\(/);
  });

  it("is ES2019", () => {
    expect(newerThanEs2019(parse(file))).toEqual([]);
  });

  it("returns the entry points of its script type from the define factory", () => {
    const type = typeOf(file);
    let returned: Record<string, unknown> | undefined;
    const define = (deps: string[], factory: (...modules: unknown[]) => Record<string, unknown>) => {
      // Stand-in modules: loading must not call into N/* (NetSuite loads files before any entry point).
      returned = factory(...deps.map(() => ({})));
    };
    const context = vm.createContext({ define, log: {}, util: {} });
    vm.runInContext("delete globalThis.console;", context);
    vm.runInContext(source, context, { filename: file });
    for (const oneOf of ENTRY_POINTS[type] ?? []) {
      expect(
        oneOf.some((name) => typeof returned?.[name] === "function"),
        `${file} exports one of ${oneOf.join(", ")}`,
      ).toBe(true);
    }
  });
});

describe("the SDF project as NetSuite checks it", () => {
  it("passes the emulator's SDF reference and access checks, with nothing skipped and no warning", () => {
    const result = validateProject(emulatorProjectDir());
    expect(result.findings).toEqual([]);
    expect(result.skipped).toEqual([]);
    // 26, and the duplicates scan, its rows and the dry run plan's rows.
    expect(result.objects).toBe(29);
  });

  it("deploys to an account without OneWorld too (SUBSIDIARIES is optional)", () => {
    expect(validateProject(emulatorProjectDir(), ["CUSTOMRECORDS", "SERVERSIDESCRIPTING"]).findings).toEqual(
      [],
    );
  });

  it("ships no API secret and a role for every deployment that needs more than its user's", () => {
    const project = loadProject(emulatorProjectDir());
    expect(project.roles?.map((r) => r.scriptId)).toEqual(["customrole_nss_sync"]);
    const runAs = project.scripts.flatMap((s) =>
      s.deployments.map((d) => [d.scriptId, d.runAsRole ?? null, d.isOnline, d.audienceRoles ?? []]),
    );
    expect(runAs).toEqual([
      ["customdeploy_nss_account_ue", null, false, []],
      ["customdeploy_nss_config_ue", null, false, []],
      ["customdeploy_nss_customer_ue", "customrole_nss_sync", false, []],
      ["customdeploy_nss_custsync_mr", "customrole_nss_sync", false, []],
      ["customdeploy_nss_dupscan_mr", "customrole_nss_sync", false, []],
      ["customdeploy_nss_event_purge_mr", "customrole_nss_sync", false, []],
      ["customdeploy_nss_install", null, false, []],
      // The Stripe Sync page runs as its user: its audience is the SuiteApp's role (and administrators).
      ["customdeploy_nss_ops_sl", null, false, ["customrole_nss_sync"]],
      ["customdeploy_nss_paymethod_mr", "customrole_nss_sync", false, []],
      ["customdeploy_nss_portal_sl", "customrole_nss_sync", true, ["ONLINE_FORM_USER"]],
      ["customdeploy_nss_sync_sl", "customrole_nss_sync", false, []],
      ["customdeploy_nss_webhook_sl", "customrole_nss_sync", true, ["ONLINE_FORM_USER"]],
    ]);
  });
});

describe("in the NetSuite emulator", () => {
  let ns: NetSuiteEmulator;
  beforeAll(async () => {
    ns = await NetSuiteEmulator.open({
      projectDir: emulatorProjectDir(),
      secretsFile: SECRETS_FILE,
      env: {},
      install: false,
    });
  });
  afterAll(async () => ns?.close());

  it.each(serverFiles)("%s loads: header checked, file evaluated, define resolved", async (file) => {
    const script = ns.project.scripts.find((s) => s.scriptFile === APP_PATH + file);
    const deployment = script?.deployments[0];
    if (!script || !deployment) throw new Error(`no deployed script record names ${file}`);
    // An entry point the file does not have: the emulator checks the header, evaluates the file and
    // resolves its dependencies, then reports the missing function, proving everything before it worked.
    const probe = "nssLoadProbe";
    const result = await ns.host.invoke({
      script,
      deployment,
      entryPoint: probe,
      input: null,
      executionContext: "OTHER",
    });
    expect(result.ok).toBe(false);
    expect(result.error?.name).toBe("SSS_INVALID_SCRIPT");
    expect(result.error?.message).toContain(`has no ${probe} entry point function`);
    expect(result.usage).toBe(0);
  });
});
