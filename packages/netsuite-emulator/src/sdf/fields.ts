/** Custom fields and custom record types: `<entitycustomfield>`, `<customrecordtype>` and their fields. */
import { isLevel, LEVELS } from "../account/roles.js";
import type { Node } from "./node.js";
import { APPLIES_TO, PREFIX } from "./schema.js";
import type {
  CustomFieldDef,
  CustomRecordSubtabDef,
  CustomRecordTypeDef,
  ScriptParameterDef,
} from "./types.js";

/** The script ID attribute, checked against its documented prefix. */
export function scriptIdOf(node: Node, prefix: string): string {
  const id = node.attr("scriptid");
  if (id === undefined || id === "") return node.fail("missing scriptid attribute");
  if (!id.startsWith(prefix)) node.fail(`scriptid "${id}" must start with "${prefix}"`);
  return id;
}

interface CommonField {
  scriptId: string;
  label: string;
  fieldType: string;
  selectRecordType?: string;
  defaultValue?: string;
}

/** What every kind of custom field shares. Defaults are the XML reference's ("The default value is …"). */
function commonField(node: Node, prefix: string): CommonField {
  const scriptId = scriptIdOf(node, prefix);
  const fieldType = node.value("fieldtype") ?? "TEXT";
  const selectRecordType = node.ref("selectrecordtype");
  // "This field is mandatory when the fieldtype value is equal to … SELECT, MULTISELECT."
  if ((fieldType === "SELECT" || fieldType === "MULTISELECT") && selectRecordType === undefined) {
    node.fail(`a ${fieldType} field needs <selectrecordtype>`);
  }
  // A checkbox's default lives in <defaultchecked>, a list's in <defaultselection>.
  const defaultValue =
    fieldType === "CHECKBOX"
      ? node.bool("defaultchecked", false)
        ? "T"
        : undefined
      : (node.value("defaultvalue") ?? node.ref("defaultselection"));
  return {
    scriptId,
    label: node.value("label") ?? "",
    fieldType,
    ...(selectRecordType !== undefined ? { selectRecordType } : {}),
    ...(defaultValue !== undefined ? { defaultValue } : {}),
  };
}

function customField(node: Node, prefix: string, appliesTo: string[]): CustomFieldDef {
  const { scriptId, label, fieldType, selectRecordType, defaultValue } = commonField(node, prefix);
  const displayType = node.value("displaytype");
  // `help` (entitycustomfield SDFxml_1378498284, customrecordcustomfield SDFxml_2670115109): the text
  // "When the field label is clicked, a popup displays" (Field.setHelpText, section_4335195721).
  const help = node.value("help");
  return {
    scriptId,
    label,
    fieldType,
    ...(selectRecordType !== undefined ? { selectRecordType } : {}),
    mandatory: node.bool("ismandatory", false),
    ...(defaultValue !== undefined ? { defaultValue } : {}),
    ...(displayType !== undefined ? { displayType } : {}),
    storeValue: node.bool("storevalue", true),
    appliesTo,
    ...(help !== undefined ? { help } : {}),
  };
}

export function parseEntityField(node: Node): CustomFieldDef {
  const appliesTo = APPLIES_TO.filter((t) => node.bool(`appliesto${t}`, false));
  return customField(node, PREFIX.entityField, [...appliesTo]);
}

/**
 * A reference to a subtab of record type `recordType` (`[scriptid=customrecord_x.tab_y]`, "Specifying an
 * SDF Custom Object Reference", bridgehead_24076946) as the subtab's script ID. The subtab must be one of
 * the type's own `<subtabs>`: a reference SDF cannot resolve fails the deployment.
 */
function ownSubtab(node: Node, name: string, recordType: string, subtabs: ReadonlySet<string>) {
  const raw = node.value(name);
  if (raw === undefined) return undefined;
  const id = node.ref(name) ?? raw;
  const owner = /^\[\s*scriptid\s*=\s*([^.\],]+)\./i.exec(raw)?.[1];
  if ((owner !== undefined && owner.toLowerCase() !== recordType.toLowerCase()) || !subtabs.has(id)) {
    return node.fail(`<${name}> "${raw}" names no subtab of ${recordType}'s <subtabs>`);
  }
  return id;
}

/**
 * `<subtabs>` ("Custom Record Type Object Subtabs", section_1532200257: "The order that you define each
 * subtab determines where they appear on the custom record"; the subtab structure, SDFxml_1525431914:
 * `tabtitle` required, `tabparent` optional, a reference to another subtab, whose child it is).
 */
function parseSubtabs(node: Node, recordType: string): CustomRecordSubtabDef[] {
  const list = node.child("subtabs")?.all("subtab") ?? [];
  const ids = new Set<string>();
  for (const t of list) {
    const id = t.attr("scriptid") || t.fail("missing scriptid attribute");
    if (ids.has(id)) t.fail(`subtab "${id}" is declared twice`);
    ids.add(id);
  }
  return list.map((t) => {
    const parent = ownSubtab(t, "tabparent", recordType, ids);
    const scriptId = t.attr("scriptid") as string;
    if (parent === scriptId) t.fail("<tabparent> names the subtab itself");
    return { scriptId, title: t.required("tabtitle"), ...(parent !== undefined ? { parent } : {}) };
  });
}

export function parseRecordType(node: Node): CustomRecordTypeDef {
  const scriptId = scriptIdOf(node, PREFIX.recordType);
  const subtabs = parseSubtabs(node, scriptId);
  const subtabIds = new Set(subtabs.map((t) => t.scriptId));
  const fields: CustomFieldDef[] = [];
  const container = node.child("customrecordcustomfields");
  if (container !== undefined) {
    for (const f of container.all("customrecordcustomfield")) {
      // `subtab` (customrecordcustomfield, SDFxml_2670115109): "accepts references to the subtab custom
      // type", here one of the record type's own subtabs; absent, the field is in the main area.
      const subtab = ownSubtab(f, "subtab", scriptId, subtabIds);
      fields.push({
        ...customField(f, PREFIX.recordField, []),
        ...(subtab !== undefined ? { subtab } : {}),
      });
    }
  }
  const permissions: NonNullable<CustomRecordTypeDef["permissions"]> = [];
  const list = node.child("permissions");
  if (list !== undefined) {
    for (const p of list.all("permission")) {
      const raw = p.value("permittedlevel") ?? "NONE";
      const level = isLevel(raw)
        ? raw
        : p.fail(`<permittedlevel> "${raw}" is not one of ${LEVELS.join(", ")}`);
      permissions.push({ role: p.ref("permittedrole") ?? p.fail("missing <permittedrole>"), level });
    }
  }
  const accessType = node.value("accesstype") as CustomRecordTypeDef["accessType"];
  // `includename` F: the record type has no Name field (NetSuite's default is T).
  return {
    scriptId,
    recordName: node.required("recordname"),
    includeName: node.bool("includename", true),
    optimisticLocking: node.bool("enableoptimisticlocking", false),
    ...(accessType !== undefined ? { accessType } : {}),
    permissions,
    ...(subtabs.length > 0 ? { subtabs } : {}),
    fields,
  };
}

export function parseScriptParameter(node: Node): ScriptParameterDef {
  const { scriptId, label, fieldType, selectRecordType, defaultValue } = commonField(
    node,
    PREFIX.scriptField,
  );
  return {
    scriptId,
    label,
    fieldType,
    ...(defaultValue !== undefined ? { defaultValue } : {}),
    ...(selectRecordType !== undefined ? { selectRecordType } : {}),
  };
}
