/**
 * The columns of every file the demo writes, in file order: Salesforce field API names, Dataverse logical
 * names with their model.json data types, Marketing Cloud data-view columns. Generators fill rows keyed by
 * these names; writers and model.json read the same lists, so a column is named exactly once.
 *
 * @example
 * SALESFORCE_COLUMNS.Contact[0];           // 'Id'
 * DATAVERSE_COLUMNS.contact[0];            // ['contactid', 'guid']
 */

/** A cell as generated: strings, numbers, booleans; null for an empty field. */
export type Cell = string | number | boolean | null;
/** One record keyed by column name. */
export type Row = Record<string, Cell>;

const AUDIT = ['OwnerId', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'] as const;

/** Salesforce Data Export columns per object (standard field API names). */
export const SALESFORCE_COLUMNS = {
  User: [
    'Id', 'Username', 'LastName', 'FirstName', 'Name', 'CompanyName', 'Department', 'Title', 'Email', 'Alias',
    'IsActive', 'TimeZoneSidKey', 'LocaleSidKey', 'EmailEncodingKey', 'LanguageLocaleKey', 'UserType',
    'CreatedDate', 'LastModifiedDate', 'SystemModstamp',
  ],
  Account: [
    'Id', 'IsDeleted', 'MasterRecordId', 'Name', 'Type', 'ParentId', 'BillingStreet', 'BillingCity', 'BillingState',
    'BillingPostalCode', 'BillingCountry', 'ShippingStreet', 'ShippingCity', 'ShippingState', 'ShippingPostalCode',
    'ShippingCountry', 'Phone', 'Fax', 'Website', 'Industry', 'AnnualRevenue', 'NumberOfEmployees', 'AccountNumber',
    'AccountSource', 'Rating', 'Description', ...AUDIT,
  ],
  Contact: [
    'Id', 'IsDeleted', 'MasterRecordId', 'AccountId', 'Salutation', 'FirstName', 'LastName', 'Name', 'MailingStreet',
    'MailingCity', 'MailingState', 'MailingPostalCode', 'MailingCountry', 'Phone', 'Fax', 'MobilePhone', 'HomePhone',
    'Email', 'Title', 'Department', 'Birthdate', 'LeadSource', 'HasOptedOutOfEmail', 'HasOptedOutOfFax', 'DoNotCall',
    'EmailBouncedReason', 'EmailBouncedDate', ...AUDIT,
  ],
  Lead: [
    'Id', 'IsDeleted', 'MasterRecordId', 'Salutation', 'FirstName', 'LastName', 'Name', 'Title', 'Company', 'Street',
    'City', 'State', 'PostalCode', 'Country', 'Phone', 'MobilePhone', 'Email', 'Website', 'LeadSource', 'Status',
    'Industry', 'Rating', 'AnnualRevenue', 'NumberOfEmployees', 'HasOptedOutOfEmail', 'DoNotCall', 'IsConverted',
    'ConvertedDate', 'ConvertedAccountId', 'ConvertedContactId', 'ConvertedOpportunityId', ...AUDIT,
  ],
  Opportunity: [
    'Id', 'IsDeleted', 'AccountId', 'ContactId', 'Name', 'Description', 'StageName', 'Amount', 'Probability',
    'CloseDate', 'Type', 'NextStep', 'LeadSource', 'IsClosed', 'IsWon', 'ForecastCategory', 'ForecastCategoryName',
    'CampaignId', ...AUDIT,
  ],
  Case: [
    'Id', 'IsDeleted', 'MasterRecordId', 'CaseNumber', 'ContactId', 'AccountId', 'ParentId', 'SuppliedName',
    'SuppliedEmail', 'SuppliedPhone', 'SuppliedCompany', 'Type', 'Status', 'Reason', 'Origin', 'Subject', 'Priority',
    'Description', 'IsClosed', 'ClosedDate', 'IsEscalated', ...AUDIT,
  ],
  Campaign: [
    'Id', 'IsDeleted', 'Name', 'ParentId', 'Type', 'Status', 'StartDate', 'EndDate', 'ExpectedRevenue', 'BudgetedCost',
    'ActualCost', 'ExpectedResponse', 'NumberSent', 'IsActive', 'Description', ...AUDIT,
  ],
  CampaignMember: [
    'Id', 'IsDeleted', 'CampaignId', 'LeadId', 'ContactId', 'Status', 'HasResponded', 'FirstRespondedDate',
    'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp',
  ],
} as const satisfies Record<string, readonly string[]>;

export type SalesforceObject = keyof typeof SALESFORCE_COLUMNS;

/** model.json attribute data types used by the demo. */
export type CdmDataType = 'string' | 'int64' | 'decimal' | 'double' | 'boolean' | 'dateTime' | 'guid';

type Columns = ReadonlyArray<readonly [string, CdmDataType]>;

const ADDRESS1: Columns = [
  ['address1_line1', 'string'], ['address1_line2', 'string'], ['address1_line3', 'string'], ['address1_city', 'string'],
  ['address1_stateorprovince', 'string'], ['address1_postalcode', 'string'], ['address1_country', 'string'],
];

const SYSTEM: Columns = [
  ['ownerid', 'guid'], ['owneridtype', 'string'], ['statecode', 'int64'], ['statuscode', 'int64'],
  ['createdon', 'dateTime'], ['modifiedon', 'dateTime'], ['versionnumber', 'int64'],
];

/** Dataverse columns per table, in partition-file order, with their model.json data types. */
export const DATAVERSE_COLUMNS = {
  account: [
    ['accountid', 'guid'], ['name', 'string'], ['accountnumber', 'string'], ['telephone1', 'string'], ['fax', 'string'],
    ['emailaddress1', 'string'], ['websiteurl', 'string'], ...ADDRESS1, ['industrycode', 'int64'],
    ['customertypecode', 'int64'], ['revenue', 'decimal'], ['numberofemployees', 'int64'], ['description', 'string'],
    ['primarycontactid', 'guid'], ...SYSTEM,
  ],
  contact: [
    ['contactid', 'guid'], ['salutation', 'string'], ['firstname', 'string'], ['middlename', 'string'],
    ['lastname', 'string'], ['fullname', 'string'], ['emailaddress1', 'string'], ['emailaddress2', 'string'],
    ['telephone1', 'string'], ['telephone2', 'string'], ['mobilephone', 'string'], ['jobtitle', 'string'],
    ['department', 'string'], ['birthdate', 'dateTime'], ...ADDRESS1, ['parentcustomerid', 'guid'],
    ['parentcustomeridtype', 'string'], ['gendercode', 'int64'], ['donotemail', 'boolean'], ['donotbulkemail', 'boolean'],
    ['donotphone', 'boolean'], ...SYSTEM,
  ],
  lead: [
    ['leadid', 'guid'], ['subject', 'string'], ['salutation', 'string'], ['firstname', 'string'], ['lastname', 'string'],
    ['fullname', 'string'], ['companyname', 'string'], ['jobtitle', 'string'], ['emailaddress1', 'string'],
    ['telephone1', 'string'], ['mobilephone', 'string'], ['websiteurl', 'string'], ...ADDRESS1,
    ['leadsourcecode', 'int64'], ['leadqualitycode', 'int64'], ['revenue', 'decimal'], ['numberofemployees', 'int64'],
    ['donotemail', 'boolean'], ['donotphone', 'boolean'], ['parentaccountid', 'guid'], ['parentcontactid', 'guid'],
    ...SYSTEM,
  ],
  opportunity: [
    ['opportunityid', 'guid'], ['name', 'string'], ['description', 'string'], ['customerid', 'guid'],
    ['customeridtype', 'string'], ['parentaccountid', 'guid'], ['parentcontactid', 'guid'], ['estimatedvalue', 'decimal'],
    ['actualvalue', 'decimal'], ['closeprobability', 'int64'], ['estimatedclosedate', 'dateTime'],
    ['actualclosedate', 'dateTime'], ['stepname', 'string'], ...SYSTEM,
  ],
  incident: [
    ['incidentid', 'guid'], ['ticketnumber', 'string'], ['title', 'string'], ['description', 'string'],
    ['customerid', 'guid'], ['customeridtype', 'string'], ['primarycontactid', 'guid'], ['prioritycode', 'int64'],
    ['caseorigincode', 'int64'], ['casetypecode', 'int64'], ['isescalated', 'boolean'], ...SYSTEM,
  ],
} as const satisfies Record<string, Columns>;

export type DataverseTable = keyof typeof DATAVERSE_COLUMNS;

const TRACKING = ['AccountID', 'JobID', 'ListID', 'BatchID', 'SubscriberID', 'SubscriberKey', 'EventDate', 'Domain'] as const;

/**
 * Marketing Cloud extracts. Tracking files carry the system data views' columns; `_Sent` has no `IsUnique`
 * (every send is one row), the others do.
 */
export const MARKETING_CLOUD_COLUMNS = {
  Subscribers: ['SubscriberKey', 'EmailAddress', 'FirstName', 'LastName', 'Status', 'CreatedDate', 'UnsubscribedDate', 'Phone', 'PostalCode'],
  Sent: [...TRACKING],
  Opens: [...TRACKING, 'IsUnique'],
  Clicks: [...TRACKING, 'IsUnique', 'URL', 'LinkName'],
  Bounces: [...TRACKING, 'IsUnique', 'BounceCategory', 'BounceSubcategory', 'SMTPCode', 'SMTPBounceReason'],
  Unsubs: [...TRACKING, 'IsUnique'],
} as const satisfies Record<string, readonly string[]>;

export type MarketingCloudFile = keyof typeof MARKETING_CLOUD_COLUMNS;

/** Ground-truth file columns. */
export const GROUND_TRUTH_COLUMNS = ['system', 'stream', 'record_id', 'entity_kind', 'truth_id'] as const;
