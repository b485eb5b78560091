/**
 * The elements each SDF object type documents, from Oracle's SuiteCloud Development Framework XML Reference
 * (docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml.html: usereventscript SDFxml_2716615335,
 * its scriptdeployment SDFxml_1334137041, mapreducescript scriptdeployment SDFxml_27094036, clientscript
 * scriptdeployment SDFxml_2144494927, sdfinstallationscript SDFxml_1043649243 / SDFxml_4091126518, secret
 * SDFxml_3777573046, …), cross-checked against the lists salto-io/salto generates from that reference
 * (packages/netsuite-adapter/src/autogen/types/standard_types/*.ts).
 *
 * An element in these sets is understood: either the loader models it, or it only affects NetSuite's UI,
 * notifications, permissions or scheduling, which the emulator does not emulate (structured ones such as
 * <recurrence>, <libraries> or <roleaccesses> are then accepted without a look inside). Anything else is an
 * error.
 */
import type { ScriptType } from "./types.js";

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

const SCRIPT_NOTIFY =
  "name scriptfile description isinactive notifyadmins notifyemails notifygroup notifyowner";

export const SCRIPT_ELEMENTS: Readonly<Record<ScriptType, ReadonlySet<string>>> = {
  usereventscript:
    set(`${SCRIPT_NOTIFY} notifyuser aftersubmitfunction beforeloadfunction beforesubmitfunction
    customplugintypes libraries scriptcustomfields scriptdeployments`),
  mapreducescript: set(`${SCRIPT_NOTIFY} customplugintypes scriptcustomfields scriptdeployments`),
  scheduledscript: set(`${SCRIPT_NOTIFY} defaultfunction customplugintypes libraries scriptcustomfields
    scriptdeployments`),
  suitelet: set(`${SCRIPT_NOTIFY} notifyuser defaultfunction customplugintypes libraries scriptcustomfields
    scriptdeployments`),
  clientscript: set(`${SCRIPT_NOTIFY} notifyuser fieldchangedfunction lineinitfunction pageinitfunction
    postsourcingfunction recalcfunction saverecordfunction validatedeletefunction validatefieldfunction
    validateinsertfunction validatelinefunction buttons libraries scriptcustomfields scriptdeployments`),
  restlet: set(`${SCRIPT_NOTIFY} notifyuser deletefunction getfunction postfunction putfunction
    customplugintypes libraries scriptcustomfields scriptdeployments`),
  sdfinstallationscript: set(`${SCRIPT_NOTIFY} notifyuser customplugintypes scriptcustomfields
    scriptdeployments`),
};

const AUDIENCE =
  "allemployees allpartners allroles auddepartment audemployee audgroup audpartner audslctrole audsubsidiary";

/**
 * Deployment fields by script type. User event and client deployments document no `title` (Oracle's own
 * exports, e.g. oracle-samples/netsuite-suitecloud-samples salesorder-deposit-tracking, have none).
 * Besides these, a deployment may hold a value for each of its script's parameters ("In addition to the
 * fields listed in this topic, you can set a value for a custom field defined in the parent object").
 */
export const DEPLOYMENT_ELEMENTS: Readonly<Record<ScriptType, ReadonlySet<string>>> = {
  usereventscript: set(`status recordtype ${AUDIENCE} eventtype isdeployed loglevel runasrole
    alllocalizationcontexts executioncontext localizationcontext`),
  clientscript: set(`status recordtype ${AUDIENCE} eventtype isdeployed loglevel alllocalizationcontexts
    executioncontext localizationcontext`),
  mapreducescript: set(`status title isdeployed loglevel runasrole buffersize concurrencylimit
    queueallstagesatonce yieldaftermins recurrence`),
  scheduledscript: set("status title isdeployed loglevel recurrence"),
  suitelet: set(`status title ${AUDIENCE} eventtype isdeployed isonline loglevel runasrole links`),
  restlet: set(`status title ${AUDIENCE} isdeployed loglevel`),
  sdfinstallationscript: set("status title isdeployed loglevel"),
};

const FIELD_COMMON = `fieldtype label selectrecordtype applyformatting defaultchecked defaultselection
  defaultvalue description displaytype dynamicdefault help linktext minvalue maxvalue storevalue accesslevel
  checkspelling displayheight displaywidth isformula ismandatory maxlength onparentdelete searchcomparefield
  searchdefault searchlevel customfieldfilters roleaccesses`;

export const SCRIPT_FIELD_ELEMENTS = set(`${FIELD_COMMON} setting`);

export const RECORD_FIELD_ELEMENTS = set(`${FIELD_COMMON} encryptatrest globalsearch showinlist sourcefilterby
  sourcefrom sourcelist isparent parentsubtab subtab allowquickadd rolerestrict`);

/** `appliesto…` elements of an entity field, each naming an entity type. */
export const APPLIES_TO = [
  "contact",
  "customer",
  "employee",
  "genericrsrc",
  "group",
  "othername",
  "partner",
  "pricelist",
  "project",
  "projecttemplate",
  "statement",
  "vendor",
  "website",
] as const;

export const ENTITY_FIELD_ELEMENTS = set(`${FIELD_COMMON} encryptatrest globalsearch showhierarchy showinlist
  sourcefilterby sourcefrom sourcelist isparent parentsubtab subtab availableexternally availabletosso
  ${APPLIES_TO.map((t) => `appliesto${t}`).join(" ")}`);

export const RECORD_TYPE_ELEMENTS = set(`recordname customsegment accesstype allowattachments
  allowinlineediting allowinlinedeleting allowinlinedetaching allowmobileaccess allownumberingoverride
  allowquickadd allowquicksearch allowuiaccess description enabledle enablekeywords enablemailmerge
  enablenametranslation enablenumbering enableoptimisticlocking enablesystemnotes hierarchical numberingprefix
  numberingsuffix numberingmindigits numberinginit icon iconbuiltin iconindex includeinsearchmenu includename
  isinactive isordered showcreationdate showcreationdateonlist showid showlastmodified showlastmodifiedonlist
  shownotes showowner showownerallowchange showowneronlist customrecordcustomfields instances links
  permissions recordsublists subtabs`);

/** Script ID prefixes ("SDF Custom Object File Structure": the correct prefix must be used for its type). */
export const PREFIX = {
  script: "customscript",
  deployment: "customdeploy",
  scriptField: "custscript",
  entityField: "custentity",
  recordType: "customrecord",
  recordField: "custrecord",
  secret: "custsecret",
  savedSearch: "customsearch",
} as const;
