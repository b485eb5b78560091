/**
 * Field IDs NetSuite documents for the standard record types the emulator models, so the emulator can tell a
 * field NetSuite has but the emulator does not model (UNSUPPORTED_BY_EMULATOR) from one NetSuite does not
 * have at all (NetSuite's own error). The lists are what these sources show as of their dates; a field
 * NetSuite added later, or one only visible with a feature the sources' account lacked, is missing.
 *
 * 1. SuiteScript Records Browser 2018.1 (Oracle; NetSuite 2018.1, spring 2018): Fields, Search Filters,
 *    Search Columns and Search Joins of script/record/<type>.html, as extracted from Oracle's
 *    schema_and_record_browser zip into github.com/cancerberoSgx/suitescript-types-tools-and-frameworks,
 *    metadataFromRecordBrowser/extractMetadataFromZip/extracted_18_1/<type>.json (commit 48ba7a9, Feb 2019).
 *    The primary source: these are SuiteScript IDs verbatim.
 * 2. REST record metadata 2026.1 (Oracle, /services/rest/record/v1/metadata-catalog/<type>), as
 *    tabulated in github.com/wsjmnh/netsuite-record-rest-docs docs/schemas/<type>.md (commit cbc2491):
 *    top-level properties of the record definition, camelCase lower-cased, without sublist collections,
 *    `links` and `refName`. Added to `body` only where the Records Browser lacks them; REST names mostly
 *    equal the SuiteScript IDs but not always (REST currency `formatSample` is the Records Browser's
 *    `currencyformatsample`; customer `searchStage` is `stage`), so these are the less certain entries.
 * 3. SuiteTalk SOAP schema 2024.1 (Oracle, schema browser <Type>SearchBasic / <Type>SearchRowBasic /
 *    <Type>Search), as generated from the 2024_1 WSDL into github.com/netsuitephp/netsuite-php
 *    src/Classes (commit c3cfa07, Dec 2024): field and join element names lower-cased, `customFieldList`
 *    dropped, "Join" suffix dropped. Added to `search` / `joins` only where the Records Browser lacks them
 *    (e.g. customer billcity/shipcountry, join transaction); like 2., less certain than 1.
 *
 * `body` is what record.getValue / setValue / submitFields name; `search` is what search columns and
 * filters and search.lookupFields name on the type itself (formula* included); `joins` is the join IDs a
 * search of the type may name. Every list is lower case, sorted and de-duplicated.
 */
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** The lower-cased, sorted, de-duplicated union of whitespace-separated ID lists. */
const ids = (...lists: string[]): readonly string[] =>
  Object.freeze([...new Set(lists.flatMap(words).map((id) => id.toLowerCase()))].sort());

/** Field IDs NetSuite documents for each standard record type the emulator knows: body fields (record.getValue / submitFields) and search fields (search columns/filters, lookupFields), from the SuiteScript Records Browser 2018.1 (https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2018_1/script/record/<type>.html), REST record metadata 2026.1 (/services/rest/record/v1/metadata-catalog/<type>) and the SuiteTalk SOAP schema 2024.1 (https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2024_1/schema/search/<type>searchbasic.html). */
export const STANDARD_FIELDS: Readonly<
  Record<
    string,
    { body: readonly string[]; search: readonly string[]; joins?: readonly string[]; source: string }
  >
> = {
  customer: {
    body: ids(
      // Records Browser 2018.1: Fields.
      `
      accessrole accountnumber alcoholrecipienttype altemail altphone assignedwebsite autoname balance billpay
      buyingreason buyingtimeframe campaigncategory category clickstream comments companyname consolbalance
      consoldaysoverdue consoldepositbalance consoloverduebalance consolunbilledorders contact
      creditholdoverride creditlimit currency currencyprecision customform datecreated daysoverdue
      defaultaddress defaultbankaccount defaultorderpriority depositbalance draccount email emailpreference
      emailtransactions enddate entityid entitystatus estimatedbudget externalid fax faxtransactions firstname
      firstvisit fxaccount giveaccess globalsubscriptionstatus homephone image isbudgetapproved isinactive
      isjob isperson keywords language lastmodifieddate lastname lastpagevisited lastvisit leadsource
      middlename mobilephone monthlyclosing negativenumberformat numberformat openingbalance
      openingbalanceaccount openingbalancedate overduebalance parent partner password password2 phone
      phoneticname prefccprocessor pricelevel printoncheckas printtransactions receivablesaccount referrer
      reminderdays representingsubsidiary resalenumber salesgroup salesreadiness salesrep salutation sendemail
      shipcomplete shippingcarrier shippingitem sourcewebsite stage startdate strength subsidiary
      syncpartnerteams syncsalesteams taxable taxexempt taxfractionunit taxitem taxrounding terms territory
      thirdpartyacct thirdpartycarrier thirdpartycountry thirdpartyzipcode title unbilledorders unsubscribe
      url vatregnumber visits weblead
      `,
      // REST record metadata 2026.1, not in the Records Browser 2018.1 (camelCase lower-cased).
      `
      acquisitiondate aging aging1 aging2 aging3 aging4 altname billingratecard billingschedule
      billingtransactionform billingtransactiontype campaignevent consolaging consolaging1 consolaging2
      consolaging3 consolaging4 contribpct defaultallocationstrategy defaultshippingaddress defaulttaxreg
      displaysymbol firstorderdate firstsaledate groupinvoices id isautogeneratedrepresentingentity
      lastorderdate lastsaledate overridecurrencyformat searchstage symbolplacement toplevelparent
      `,
    ),
    search: ids(
      // Records Browser 2018.1: Search Filters and Search Columns.
      `
      accountnumber address addressee addressinternalid addresslabel addressphone altcontact altemail altname
      altphone assignedsite attention availableoffline balance billcountrycode billzipcode boughtamount
      boughtdate buyingreason buyingtimeframe category cccustomercode ccdefault ccexpdate ccholdername
      ccinternalid ccnumber cctype city classbought comments companyname consolbalance consoldaysoverdue
      consoldepositbalance consoloverduebalance consolunbilledorders contact contribution contributionprimary
      conversiondate country countrycode county credithold creditholdoverride creditlimit currency custstage
      custstatus dateclosed datecreated daysoverdue defaultorderpriority depositbalance deptbought draccount
      email emailpreference emailtransactions enddate entityid entitynumber entitystatus estimatedbudget
      explicitconversion externalid externalidstring fax faxtransactions firstname firstorderdate
      firstsaledate formulacurrency formuladate formuladatetime formulanumeric formulapercent formulatext
      fxaccount fxbalance fxconsolbalance fxconsolunbilledorders fxunbilledorders giveaccess
      globalsubscriptionstatus group grouppricinglevel hasduplicates homephone image internalid
      internalidnumber isbudgetapproved isdefaultbilling isdefaultshipping isinactive isjob isperson
      isreportedlead isshipaddress itempricinglevel itempricingunitprice itemsbought itemsordered jobenddate
      jobestcost jobestenddate jobestrevenue jobpctcomplete jobprojectedend jobstartdate jobstatus jobtype
      language lastmodifieddate lastname lastorderdate lastsaledate lastviewed leaddate leadsource level
      locationbought manualcredithold merchantaccount middlename mobilephone monthlyclosing oncredithold
      onlineformdate onlineformleadsource onlineformname orderedamount ordereddate otherrelationships
      overduebalance parent parentitemsbought parentitemsordered partner partnercontribution partnerrole
      partnerteammember pec permission phone phoneticname prefccprocessor pricelevel pricinggroup pricingitem
      printtransactions prospectdate pstexempt receivablesaccount reminderdate reminderdays
      representingsubsidiary resalenumber role salesreadiness salesrep salesteammember salesteamrole
      salutation shipcomplete shipcountrycode shippingcarrier shippingitem sourcesite stage startdate state
      statedisplayname subscription subscriptiondate subscriptionstatus subsidbought subsidiary
      subsidiarynohierarchy taxable taxitem terms territory title type unbilledorders url vatregnumber weblead
      zipcode
      `,
      // SOAP 2024.1 SearchBasic/SearchRowBasic fields not in the above (lower-cased).
      `
      address1 address2 address3 assignedsiteid billaddress billaddress1 billaddress2 billaddress3
      billaddressee billattention billcity billcountry billphone billstate ccstate ccstatefrom
      defaultallocationstrategy defaulttaxreg defaulttaxregtext shipaddress shipaddress1 shipaddress2
      shipaddress3 shipaddressee shipattention shipcity shipcountry shipphone shipstate shipzip sourcesiteid
      `,
    ),
    joins: ids(
      // Records Browser 2018.1: Search Joins.
      `
      billingschedule campaignresponse contact contactprimary job leadsource messages messagesfrom messagesto
      msesubsidiary originatinglead parentcustomer partner pricing salesrep subcustomer task toplevelparent
      websitecategory
      `,
      // SOAP 2024.1 <name>Join elements of the search record not in the above (lower-cased, "Join" dropped).
      `
      billingaccount call case event file hostedpage opportunity paymentinstrument purchaseditem
      resourceallocation taxregistration time transaction upsellitem user usernotes websiteitem
      `,
    ),
    source:
      "https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2018_1/script/record/customer.html ; https://{accountId}.suitetalk.api.netsuite.com/services/rest/record/v1/metadata-catalog/customer ; https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2024_1/schema/search/customersearchbasic.html",
  },
  subsidiary: {
    body: ids(
      // Records Browser 2018.1: Fields.
      `
      addrphone addrtext attention caseupdatetemplate checklayout city country currency edition email
      externalid fax federalidnumber fiscalcalendar heading0 heading1 heading2 intercoaccount iselimination
      isinactive languagelocale legalname logo mainaddress mossapplies name override pagelogo parent
      purchaseorderamount purchaseorderquantity purchaseorderquantitydiff receiptamount receiptquantity
      receiptquantitydiff returnaddr returnaddress returnaddress1 returnaddress2 returncity returncountry
      returnstate returnzip roundtime shipaddr shipcountry shippingaddress showsubsidiaryname ssnortin state
      taxfiscalcalendar tranprefix url zip
      `,
      // REST record metadata 2026.1, not in the Records Browser 2018.1 (camelCase lower-cased).
      `
      defeliminationsubloc dropdownstate fullname id internalid lastmodifieddate representingcustomer
      representingvendor traninternalprefix
      `,
    ),
    search: ids(
      // Records Browser 2018.1: Search Filters and Search Columns.
      `
      accountingbook accountingbookcurrency address anonymouscustomerinboundemail anonymouscustomeronlineforms
      caseassignmenttemplate caseautomaticclosuretemplate casecopyemployeetemplate casecreationtemplate
      caseescalationtemplate caseupdatetemplate city companynameforsupportmessages country currency
      effectivefrom email employeecaseupdatetemplate externalid externalidstring fax formulacurrency
      formuladate formuladatetime formulanumeric formulapercent formulatext internalid internalidnumber
      iselimination isinactive legalname mainsupportemailaddress mossapplies name namenohierarchy nexus phone
      purchaseorderamount purchaseorderquantity purchaseorderquantitydiff receiptamount receiptquantity
      receiptquantitydiff state taxengine taxidnum taxregistrationnumber tranprefix url validuntil zip
      `,
      // SOAP 2024.1 SearchBasic/SearchRowBasic fields not in the above (lower-cased).
      `
      address1 address2 address3
      `,
    ),
    joins: ids(
      // Records Browser 2018.1: Search Joins.
      `
      address defaultadvancetoapplyaccount returnaddress shippingaddress
      `,
      // SOAP 2024.1 <name>Join elements of the search record not in the above (lower-cased, "Join" dropped).
      `
      user
      `,
    ),
    source:
      "https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2018_1/script/record/subsidiary.html ; https://{accountId}.suitetalk.api.netsuite.com/services/rest/record/v1/metadata-catalog/subsidiary ; https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2024_1/schema/search/subsidiarysearchbasic.html",
  },
  currency: {
    // No SOAP search record for currency (SuiteTalk has CurrencyRateSearch only), so search is the Records
    // Browser alone. The Records Browser lists no search joins for currency: `joins` is left out.
    body: ids(
      // Records Browser 2018.1: Fields.
      `
      currencyformatsample currencyprecision displaysymbol exchangerate externalid includeinfxrateupdates
      isbasecurrency isinactive name overridecurrencyformat symbol symbolplacement
      `,
      // REST record metadata 2026.1, not in the Records Browser 2018.1 (camelCase lower-cased).
      `
      formatsample fxrateupdatetimezone id isanchorcurrency lastmodifieddate locale
      `,
    ),
    search: ids(
      // Records Browser 2018.1: Search Filters and Search Columns.
      `
      exchangerate externalid externalidstring formulacurrency formuladate formuladatetime formulanumeric
      formulapercent formulatext internalid internalidnumber isinactive name symbol
      `,
    ),
    source:
      "https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2018_1/script/record/currency.html ; https://{accountId}.suitetalk.api.netsuite.com/services/rest/record/v1/metadata-catalog/currency",
  },
  employee: {
    body: ids(
      // Records Browser 2018.1: Fields.
      `
      accountnumber aliennumber approvallimit approver authworkdate autoname billingclass billpay birthdate
      btemplate class comments commissionpaymentpreference currency customform datecreated defaultaddress
      department directdeposit eligibleforcommission email empcenterqty empcenterqtymax employeestatus
      employeetype entityid ethnicity expenselimit externalid fax firstname fulluserqty fulluserqtymax gender
      giveaccess globalsubscriptionstatus hasofflineaccess hiredate homephone i9verified image inheritiprules
      initials ipaddressrule isempcenterqtyenforced isfulluserqtyenforced isinactive isjobresource
      isretailuserqtyenforced issalesrep issupportrep job jobdescription jurisdiction1display
      jurisdiction2display jurisdiction3display jurisdiction4display jurisdiction5display laborcost
      lastmodifieddate lastname lastpaiddate lastreviewdate location maritalstatus middlename mobilephone
      nextreviewdate officephone payfrequency phone phoneticname purchaseorderapprovallimit
      purchaseorderapprover purchaseorderlimit releasedate requirepwdchange residentstatus retailuserqty
      retailuserqtymax salesrole salutation sendemail socialsecuritynumber startdatetimeoffcalc strength
      subsidiary supervisor terminationbydeath timeapprover timeoffplan title unsubscribe useperquest
      usetimedata visaexpdate visatype wasempcenterhasaccess wasfulluserhasaccess wasinactive
      wasretailuserhasaccess workassignment workcalendar workplace
      `,
      // REST record metadata 2026.1, not in the Records Browser 2018.1 (camelCase lower-cased).
      `
      adpid altname basewage basewagetype bonustarget bonustargetcomment bonustargetpayfrequency
      bonustargettype changedetails concurrentwebservicesuser conflictresults defaultacctcorpcardexp
      defaultbillingaddress defaultexpensereportcurrency defaultjobresourcerole defaultshippingaddress
      driverslicensenumber effectivedatemode employeecertificate employeechangereason employeeftestatus
      enabledeductionlimits id isjobmanager jobemploymentcategory jobid laborcategory overridecatchupamount
      overridecatchupcheckbox overrideelectivedeferralamount overrideelectivedeferralcheckbox overtimepolicy
      passportnumber password password2 rate targetutilization template terminationcategory terminationdetails
      terminationreason terminationregretted
      `,
    ),
    search: ids(
      // Records Browser 2018.1: Search Filters and Search Columns.
      `
      accountnumber address addressee addressinternalid addresslabel addressphone aliennumber allocation
      altemail altname altphone anniversary approvallimit approver attention authworkdate basewage
      basewagetype billcountrycode billingclass billzipcode birthdate birthday ccontribution city class
      classnohierarchy comments commissionplan compensationcurrency concurrentwebservicesuser country
      countrycode county datecreated deduction department departmentnohierarchy earning education
      eligibleforcommission email employeestatus employeetype employeetypekpi entityid entitynumber ethnicity
      expenselimit externalid externalidstring fax firstname formulacurrency formuladate formuladatetime
      formulanumeric formulapercent formulatext gender giveaccess globalsubscriptionstatus group hiredate
      homephone i9verified image internalid internalidnumber isdefaultbilling isdefaultshipping isinactive
      isjobresource issalesrep issupportrep istemplate job jobdescription laborcost language lastmodifieddate
      lastname lastpaiddate lastreviewdate lastviewed level location locationnohierarchy maritalstatus
      middlename mobilephone nextreviewdate offlineaccess payfrequency permchangedate permchangelevel
      permission permissionchange phone phoneticname positiontitle primaryearningamount primaryearningitem
      primaryearningtype purchaseorderapprovallimit purchaseorderapprover purchaseorderlimit releasedate
      representingsubsidiary residentstatus role rolechange rolechangeaction rolechangedate salesrep salesrole
      salutation shipcountrycode socialsecuritynumber startdatetimeoffcalc state statedisplayname subscription
      subscriptiondate subscriptionstatus subsidiary subsidiarynohierarchy supervisor supportrep
      terminationcategory terminationdetails terminationreason terminationregretted timeapprover timeoffplan
      title useperquest usetimedata visaexpdate visatype withholding workcalendar workplace zipcode
      `,
      // SOAP 2024.1 SearchBasic/SearchRowBasic fields not in the above (lower-cased).
      `
      address1 address2 address3 billaddress billaddress1 billaddress2 billaddress3 billaddressee
      billattention billcity billcountry billphone billstate bonustarget bonustargetcomment
      bonustargetpayfrequency bonustargettype corporatecardprofile defaultacctcorpcardexp
      defaultexpensereportcurrency defaulttaxreg defaulttaxregtext embossedname expensereportcurrency
      expiration isjobmanager shipaddress1 shipaddress2 shipaddress3 shipaddressee shipattention shipcity
      shipcountry shipphone shipstate shipzip targetutilization
      `,
    ),
    joins: ids(
      // Records Browser 2018.1: Search Joins.
      `
      campaignresponse department location messages messagesfrom messagesto subsidiary
      `,
      // SOAP 2024.1 <name>Join elements of the search record not in the above (lower-cased, "Join" dropped).
      `
      charge file hcmjob managedjob resourceallocation time transaction user usernotes
      `,
    ),
    source:
      "https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2018_1/script/record/employee.html ; https://{accountId}.suitetalk.api.netsuite.com/services/rest/record/v1/metadata-catalog/employee ; https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2024_1/schema/search/employeesearchbasic.html",
  },
  customersubsidiaryrelationship: {
    // The 2018.1 Records Browser extraction lists no search filters, columns or joins for this type, so
    // search is the SOAP 2024.1 CustomerSubsidiaryRelationshipSearchBasic/RowBasic fields alone; `joins`
    // is left out (none found).
    body: ids(
      // Records Browser 2018.1: Fields.
      `
      balance depositbalance entity externalid id internalid isprimarysub primarycurrency subsidiary
      unbilledorders
      `,
      // REST record metadata 2026.1, not in the Records Browser 2018.1 (camelCase lower-cased).
      `
      lastmodifieddate name
      `,
    ),
    search: ids(
      // SOAP 2024.1 SearchBasic/SearchRowBasic fields (lower-cased).
      `
      balance depositbalance entity externalid externalidstring internalid internalidnumber isprimarysub
      primarycurrency subsidiary unbilledorders
      `,
    ),
    source:
      "https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2018_1/script/record/customersubsidiaryrelationship.html ; https://{accountId}.suitetalk.api.netsuite.com/services/rest/record/v1/metadata-catalog/customerSubsidiaryRelationship ; https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2024_1/schema/search/customersubsidiaryrelationshipsearchbasic.html",
  },
  scriptdeployment: {
    // Records Browser 2018.1 only (extracted_18_1/scriptdeployment.json): the REST metadata catalog and
    // the SOAP schema have no script deployment record. Oracle's "Script Deployment" page
    // (section_3753014009) adds that recurrenceminutes and starttime are not scriptable.
    body: ids(
      // Records Browser 2018.1: Fields.
      `
      allemployees allpartners allroles auddepartment audemployee audgroup audpartner audslctrole
      audsubsidiary externalid externalurl isdeployed isonline loglevel recurrenceminutes script scriptid
      starttime status title url
      `,
    ),
    search: ids(
      // Records Browser 2018.1: Search Filters and Search Columns.
      `
      eventtype formulacurrency formuladate formuladatetime formulanumeric formulapercent formulatext
      internalid internalidnumber isdeployed loglevel queueid recordtype script scriptid scripttype status
      title
      `,
    ),
    joins: ids(
      // Records Browser 2018.1: Search Joins.
      `
      script user
      `,
    ),
    source:
      "https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2018_1/script/record/scriptdeployment.html",
  },
  scheduledscriptinstance: {
    // Records Browser 2018.1 (extracted_18_1/scheduledscriptinstance.json): no body fields (searched
    // only, Oracle's "Scheduled Script Instance", section_3777401104). mapreducestage and taskid are
    // newer than that browser; public Suitelet code filters on both.
    body: ids(""),
    search: ids(
      // Records Browser 2018.1: Search Filters and Search Columns.
      `
      datecreated enddate formulacurrency formuladate formuladatetime formulanumeric formulapercent
      formulatext percentcomplete queue queueposition startdate status
      `,
      // Public code (not in the 2018.1 browser).
      "mapreducestage taskid",
    ),
    joins: ids(
      // Records Browser 2018.1: Search Joins.
      "script scriptdeployment",
    ),
    source:
      "https://system.netsuite.com/help/helpcenter/en_US/srbrowser/Browser2018_1/script/record/scheduledscriptinstance.html",
  },
};
