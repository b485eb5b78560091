/**
 * N/ui/serverWidget (Oracle: "N/ui/serverWidget Module", "serverWidget.createForm(options)",
 * "serverWidget.FieldType", "serverWidget.FieldDisplayType" (section_4332670964: DISABLED, ENTRY,
 * HIDDEN, INLINE, NODISPLAY, NORMAL, READONLY), "serverWidget.FieldLayoutType",
 * "serverWidget.FieldBreakType", "serverWidget.SublistType" (section_4332704307; the values EDITOR,
 * INLINEEDITOR, LIST, STATICLIST as Oracle's SuiteCloud unit-testing stubs spell them),
 * "serverWidget.SublistDisplayType" (section_4332704261: HIDDEN, NODISPLAY, NORMAL),
 * "serverWidget.FormPageLinkType", "serverWidget.LayoutJustification"). The Form itself is
 * runtime/entry/form.ts, shared with user event beforeLoad; lists and assistants are not implemented.
 */
import { createForm } from "../entry/form.js";
import { enumOf, optionalString, options, withUnsupported } from "./util.js";

export const FieldType = enumOf({
  CHECKBOX: "CHECKBOX",
  CURRENCY: "CURRENCY",
  DATE: "DATE",
  DATETIME: "DATETIME",
  DATETIMETZ: "DATETIMETZ",
  EMAIL: "EMAIL",
  FILE: "FILE",
  FLOAT: "FLOAT",
  HELP: "HELP",
  INLINEHTML: "INLINEHTML",
  INTEGER: "INTEGER",
  IMAGE: "IMAGE",
  LABEL: "LABEL",
  LONGTEXT: "LONGTEXT",
  MULTISELECT: "MULTISELECT",
  PASSWORD: "PASSWORD",
  PERCENT: "PERCENT",
  PHONE: "PHONE",
  SELECT: "SELECT",
  RADIO: "RADIO",
  RICHTEXT: "RICHTEXT",
  TEXT: "TEXT",
  TEXTAREA: "TEXTAREA",
  TIMEOFDAY: "TIMEOFDAY",
  URL: "URL",
});

export const FieldDisplayType = enumOf({
  DISABLED: "DISABLED",
  ENTRY: "ENTRY",
  HIDDEN: "HIDDEN",
  INLINE: "INLINE",
  NODISPLAY: "NODISPLAY",
  NORMAL: "NORMAL",
  READONLY: "READONLY",
});

export const FieldLayoutType = enumOf({
  ENDROW: "ENDROW",
  MIDROW: "MIDROW",
  NORMAL: "NORMAL",
  OUTSIDE: "OUTSIDE",
  OUTSIDEABOVE: "OUTSIDEABOVE",
  OUTSIDEBELOW: "OUTSIDEBELOW",
  STARTROW: "STARTROW",
});

export const FieldBreakType = enumOf({ NONE: "NONE", STARTCOL: "STARTCOL", STARTROW: "STARTROW" });

export const SublistType = enumOf({
  EDITOR: "EDITOR",
  INLINEEDITOR: "INLINEEDITOR",
  LIST: "LIST",
  STATICLIST: "STATICLIST",
});

export const SublistDisplayType = enumOf({ HIDDEN: "HIDDEN", NODISPLAY: "NODISPLAY", NORMAL: "NORMAL" });

export const FormPageLinkType = enumOf({ BREADCRUMB: "BREADCRUMB", CROSSLINK: "CROSSLINK" });

export const LayoutJustification = enumOf({ CENTER: "CENTER", LEFT: "LEFT", RIGHT: "RIGHT" });

export const SERVER_WIDGET_MODULE_UNSUPPORTED = ["createList", "createAssistant"];

/** Members of the objects the emulator does not implement, for the README's list. */
export const SERVER_WIDGET_OBJECT_UNSUPPORTED = [
  "Form.addCredentialField",
  "Form.addSecretKeyField",
  "Field.setCredentialValue",
  "Sublist.updateTotallingFieldId",
  "Sublist.updateUniqueFieldId",
];

export function createServerWidgetModule(): Record<string, unknown> {
  const module = {
    FieldType,
    FieldDisplayType,
    FieldLayoutType,
    FieldBreakType,
    SublistType,
    SublistDisplayType,
    FormPageLinkType,
    LayoutJustification,
    /** `title` is documented as required, yet NetSuite renders an untitled form: not enforced. */
    createForm(arg: unknown) {
      const o = options(arg);
      const title = optionalString(o, "title");
      return createForm("suitelet", {
        ...(title !== undefined ? { title } : {}),
        hideNavBar: o.hideNavBar === true,
      }).form;
    },
  };
  return withUnsupported(module, "N/ui/serverWidget", SERVER_WIDGET_MODULE_UNSUPPORTED);
}
