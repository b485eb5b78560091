/**
 * Oracle help-centre pages cited by the SDF reference tables (full URLs, keyed for reuse).
 */
export const PAGES = {
  /** SuiteCloud Development Framework XML Reference */
  xmlReference: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml.html",
  /** Lists For SDF Custom Object XML Definitions */
  lists: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2405618192.html",
  /** SDF Custom Object File Structure */
  fileStructure: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/subsect_1537555588.html",
  /** Syntax Guidelines and Reference Formats for SDF Custom Objects */
  syntax: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/bridgehead_24076946.html",
  /** Date and Time Formats in SDF Custom Objects */
  dateTimeFormats: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1499269203.html",
  /** Customizations Supported by SuiteCloud Development Framework */
  supported: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4706653920.html",
  /** entitycustomfield */
  entitycustomfield: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1378498284.html",
  /** Custom Entity Fields as XML Definitions */
  entitycustomfieldGuide:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157307210395.html",
  /** customrecordtype > customrecordcustomfield */
  customrecordcustomfield:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2670115109.html",
  /** clientscript > scriptcustomfield */
  scriptcustomfield: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1412672892.html",
  /** transactioncolumncustomfield > customfieldfilter */
  customfieldfilter: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1383040121.html",
  /** customrecordtype > roleaccess */
  roleaccess: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3961804206.html",
  /** Providing Roles with Access to a Custom Field in SDF */
  fieldRoleAccessGuide:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4731157838.html",
  /** customrecordtype */
  customrecordtype: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_372451363.html",
  /** Custom Record Types as XML Definitions */
  customrecordtypeGuide:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1526908548.html",
  /** customrecordtype > instances */
  crtInstances: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3518833312.html",
  /** customrecordtype > instance */
  crtInstance: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1575011417.html",
  /** Custom Record Instances */
  crtInstancesGuide: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1532218021.html",
  /** customrecordtype > link */
  crtLink: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3571172402.html",
  /** customrecordtype > permission */
  crtPermission: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2290236535.html",
  /** customrecordtype > recordsublist */
  crtRecordsublist: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1165691426.html",
  /** customrecordtype > subtab */
  crtSubtab: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1525431914.html",
  /** customrecordtype_accesstype */
  crtAccesstype: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4227334961.html",
  /** Define the Permission Model for a Custom Record Type */
  crtPermissionModel:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/bridgehead_N2879432.html",
  /** Setting Up a Permissions List for a Custom Record Type */
  crtPermissionList: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_N2879931.html",
  /** usereventscript */
  usereventscript: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2716615335.html",
  /** usereventscript > scriptdeployment */
  usereventscriptDeployment:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1334137041.html",
  /** usereventscript > library */
  usereventscriptLibrary:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3013619113.html",
  /** usereventscript > customplugintypes */
  usereventscriptCustomplugintypes:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_572462487.html",
  /** usereventscript > plugintype */
  usereventscriptPlugintype:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_442703956.html",
  /** clientscript */
  clientscript: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4053132713.html",
  /** clientscript > scriptdeployment */
  clientscriptDeployment:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2144494927.html",
  /** clientscript > library */
  clientscriptLibrary: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_198419820.html",
  /** Suitelet Scripts as XML Definitions */
  suiteletGuide: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_160321147201.html",
  /** suitelet > scriptdeployment */
  suiteletDeployment: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2909147388.html",
  /** suitelet > library */
  suiteletLibrary: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_893738846.html",
  /** suitelet > customplugintypes */
  suiteletCustomplugintypes:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2203777435.html",
  /** suitelet > plugintype */
  suiteletPlugintype: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2916241383.html",
  /** suitelet > scriptdeployment > link */
  suiteletLink: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4286557755.html",
  /** list suiteletdeployment_tasktype */
  suiteletdeploymentTasktype:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3099417013.html",
  /** mapreducescript */
  mapreducescript: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3519311208.html",
  /** mapreducescript > scriptdeployments */
  mapreducescriptDeployments:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3562272458.html",
  /** mapreducescript > scriptdeployment */
  mapreducescriptDeployment:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_27094036.html",
  /** mapreducescript > plugintype */
  mapreducescriptPlugintype:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1005334606.html",
  /** mapreducescript > recurrence > daily */
  mapreducescriptDaily: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_617656060.html",
  /** mapreducescript > recurrence > single */
  mapreducescriptSingle:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3546373229.html",
  /** mapreducescript > recurrence > weekly */
  mapreducescriptWeekly:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1192939856.html",
  /** mapreducescript > recurrence > monthlydayofweek */
  mapreducescriptMonthlydayofweek:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3152739737.html",
  /** mapreducescript > recurrence > yearlydayofweek */
  mapreducescriptYearlydayofweek:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3264484171.html",
  /** Map/Reduce Script Objects as XML Definitions */
  mapreducescriptGuide:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157616847317.html",
  /** Defining a Map/Reduce Script Deployment in XML */
  mapreducescriptDeploymentGuide:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157617242991.html",
  /** Scheduled Scripts as XML Definitions */
  scheduledscriptGuide:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1504186958.html",
  /** scheduledscript > scriptdeployment */
  scheduledscriptDeployment:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_637067724.html",
  /** scheduledscript > library */
  scheduledscriptLibrary:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2323616213.html",
  /** scheduledscript > plugintype */
  scheduledscriptPlugintype:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_732777833.html",
  /** scheduledscript > recurrence > daily */
  scheduledscriptDaily:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4155912874.html",
  /** scheduledscript > recurrence > single */
  scheduledscriptSingle:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1371196976.html",
  /** scheduledscript > recurrence > weekly */
  scheduledscriptWeekly:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3317777165.html",
  /** scheduledscript > recurrence > monthlydayofweek */
  scheduledscriptMonthlydayofweek:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1469909832.html",
  /** scheduledscript > recurrence > yearly */
  scheduledscriptYearly:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1667116501.html",
  /** scheduledscript > recurrence > yearlydayofweek */
  scheduledscriptYearlydayofweek:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3599819914.html",
  /** Defining a Recurring Scheduled Script Deployment */
  recurrenceGuide: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1504707195.html",
  /** restlet */
  restlet: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_410893908.html",
  /** restlet > library */
  restletLibrary: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2057684350.html",
  /** restlet > customplugintypes */
  restletCustomplugintypes:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_521130374.html",
  /** RESTlet Scripts as XML Definitions */
  restletGuide: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_160514060027.html",
  /** sdfinstallationscript */
  sdfinstallationscript:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1043649243.html",
  /** sdfinstallationscript > scriptdeployment */
  sdfinstallationscriptDeployment:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4091126518.html",
  /** sdfinstallationscript > customplugintypes */
  sdfinstallationscriptCustomplugintypes:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1130178221.html",
  /** Script Types That Support Execute as Role */
  executeAsRole: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_1212112429.html",
  /** context.UserEventType */
  userEventType: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4407992596.html",
  /** Script.logLevel */
  runtimeLogLevel: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4296662791.html",
  /** execution_context */
  executionContext: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_340964121.html",
  /** role */
  role: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2121043136.html",
  /** role > permission */
  rolePermission: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_762449695.html",
  /** role > recordrestriction */
  roleRecordrestriction:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1828522851.html",
  /** Custom Roles as XML Definitions */
  roleGuide: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4731154857.html",
  /** role_centertype */
  roleCentertype: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3349140554.html",
  /** customrecordtype_permittedrole */
  permittedrole: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_271228656.html",
  /** generic_permission */
  genericPermission: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4221896102.html",
  /** generic_customfield_fieldtype */
  fieldtype: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2791641793.html",
  /** generic_customfield_parentsubtab */
  parentsubtab: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4093204269.html",
  /** customsegment_displaytype */
  customsegmentDisplaytype:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_71433475.html",
  /** serverWidget.FieldDisplayType */
  serverWidgetDisplayType:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4332670964.html",
  /** savedsearch */
  savedsearch: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1933831387.html",
  /** savedsearch > dependencies */
  savedsearchDependencies:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1628744324.html",
  /** Saved Searches as XML Definitions */
  savedsearchGuide: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156579693093.html",
  /** secret */
  secret: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3777573046.html",
  /** Secrets as XML Definitions */
  secretGuide: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_162072306524.html",
  /** Secrets Management */
  secretsManagement:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_160216486846.html",
  /** customsegment */
  customsegment: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_274840654.html",
  /** othercustomfield */
  othercustomfield: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1832377546.html",
  /** itemcustomfield */
  itemcustomfield: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1799261045.html",
  /** subtab */
  subtab: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2906705078.html",
  /** sublist */
  sublist: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1872888069.html",
  /** center */
  center: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4252709751.html",
  /** centertab */
  centertab: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_300019872.html",
  /** centercategory */
  centercategory: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3893581673.html",
  /** bundleinstallationscript */
  bundleinstallationscript:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1616109134.html",
  /** ficonnectivityplugin */
  ficonnectivityplugin:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2266593975.html",
  /** pluginimplementation */
  pluginimplementation:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1080430455.html",
  /** portlet */
  portlet: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_320447915.html",
  /** workflowactionscript */
  workflowactionscript:
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1411852606.html",
} as const;
