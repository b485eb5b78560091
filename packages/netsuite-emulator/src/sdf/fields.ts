/** Custom fields and custom record types: `<entitycustomfield>`, `<customrecordtype>` and their fields. */
import { isLevel, LEVELS } from "../account/roles.js";
import type { Node } from "./node.js";
import { APPLIES_TO, PREFIX } from "./schema.js";
import type { CustomFieldDef, CustomRecordTypeDef, ScriptParameterDef } from "./types.js";

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
  };
}

export function parseEntityField(node: Node): CustomFieldDef {
  const appliesTo = APPLIES_TO.filter((t) => node.bool(`appliesto${t}`, false));
  return customField(node, PREFIX.entityField, [...appliesTo]);
}

export function parseRecordType(node: Node): CustomRecordTypeDef {
  const scriptId = scriptIdOf(node, PREFIX.recordType);
  const fields: CustomFieldDef[] = [];
  const container = node.child("customrecordcustomfields");
  if (container !== undefined) {
    for (const f of container.all("customrecordcustomfield")) {
      fields.push(customField(f, PREFIX.recordField, []));
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
