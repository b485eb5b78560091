/**
 * The record types NetSuite has: the values of N/record's `record.Type` enum (Oracle, "record.Type",
 * as @hitc/netsuite-types records it "As of 4 June 2024"). A type in this list that the emulator does not
 * model is UNSUPPORTED_BY_EMULATOR; a type in neither is NetSuite's INVALID_RCRD_TYPE.
 */
const words = (text: string): readonly string[] => text.split(/\s+/).filter(Boolean);

export const NETSUITE_RECORD_TYPES: ReadonlySet<string> = new Set(
  words(`
    account accountingbook accountingcontext accountingperiod advintercompanyjournalentry allocationschedule
    amortizationschedule amortizationtemplate assemblybuild assemblyitem assemblyunbuild
    automatedclearinghouse balancetrxbysegments billingaccount billingclass billingratecard
    billingrevenueevent billingschedule bin bintransfer binworksheet blanketpurchaseorder bom bomrevision
    bonus bonustype budgetexchangerate bulkownershiptransfer bundleinstallationscript calendarevent campaign
    campaignresponse campaigntemplate cardholderauthentication cashrefund cashsale charge chargerule check
    classification clientscript cmscontent cmscontenttype cmspage commercecategory competitor
    consolidatedexchangerate contact contactcategory contactrole costcategory couponcode creditcardcharge
    creditcardrefund creditmemo currency customer customercategory customerdeposit customermessage
    customerpayment customerpaymentauthorization customerrefund customerstatus
    customersubsidiaryrelationship custompurchase customrecord customsale customtransaction department
    deposit depositapplication descriptionitem discountitem downloaditem emailtemplate employee
    employeechangerequest employeechangerequesttype employeeexpensesourcetype employeestatus employeetype
    entityaccountmapping estimate expenseamortizationevent expensecategory expenseplan expensereport
    expensereportpolicy fairvalueprice financialinstitution fixedamountprojectrevenuerule folder
    formatprofile fulfillmentrequest generaltoken genericresource giftcertificate giftcertificateitem
    glnumberingsequence globalaccountmapping globalinventoryrelationship goal importedemployeeexpense
    inboundshipment intercompallocationschedule intercompanyjournalentry intercompanytransferorder
    inventoryadjustment inventorycostrevaluation inventorycount inventorydetail inventoryitem
    inventorynumber inventorystatus inventorystatuschange inventorytransfer inventoryworksheet invoice
    invoicegroup issue issueproduct issueproductversion itemaccountmapping itemcollection
    itemcollectionitemmap itemdemandplan itemfulfillment itemgroup itemlocationconfiguration
    itemprocessfamily itemprocessgroup itemreceipt itemrevision itemsupplyplan job jobstatus jobtype
    journalentry kititem laborbasedprojectrevenuerule lead location lotnumberedassemblyitem
    lotnumberedinventoryitem manufacturingcosttemplate manufacturingoperationtask manufacturingrouting
    mapreducescript markupitem massupdatescript memdoc merchandisehierarchylevel merchandisehierarchynode
    merchandisehierarchyversion message mfgplannedtime nexus noninventoryitem note notetype opportunity
    orderreservation orderschedule ordertype otherchargeitem othername othernamecategory partner
    partnercategory paycheck paycheckjournal paymentcard paymentcardtoken paymentitem paymentmethod
    payrollitem pctcompleteprojectrevenuerule performancemetric performancereview performancereviewschedule
    periodendjournal phonecall pickstrategy picktask plannedorder planningitemcategory planningitemgroup
    planningrulegroup planningview portlet pricebook pricelevel priceplan pricinggroup projectexpensetype
    projecticchargerequest projecttask projecttemplate promotioncode prospect purchasecontract purchaseorder
    purchaserequisition reallocateitem receiveinboundshipment resourceallocation restlet returnauthorization
    revenuearrangement revenuecommitment revenuecommitmentreversal revenueplan revrecfieldmapping
    revrecschedule revrectemplate saleschannel salesorder salesrole salestaxitem scheduledscript
    scheduledscriptinstance scriptdeployment serializedassemblyitem serializedinventoryitem serviceitem
    shipitem solution statisticaljournalentry storepickupfulfillment subscription subscriptionchangeorder
    subscriptionline subscriptionplan subscriptionterm subsidiary subsidiarysettings subtotalitem suitelet
    supplychainsnapshot supplychainsnapshotsimulation supplychangeorder supplyplandefinition supportcase
    task taxacct taxgroup taxperiod taxtype term timebill timeentry timeoffchange timeoffplan timeoffrequest
    timeoffrule timeofftype timesheet topic transferorder unitstype unlockedtimeperiod usage usereventscript
    vendor vendorbill vendorcategory vendorcredit vendorpayment vendorprepayment vendorprepaymentapplication
    vendorreturnauthorization vendorsubsidiaryrelationship wave wbs website workflowactionscript workorder
    workorderclose workordercompletion workorderissue workplace zone
  `),
);
