/**
 * Every shipped Dataverse mapping, one file per table (crosswalk §1–§10), and the columns each leaves
 * unmapped on purpose. The cdm-folder connector (mappingSystem `dataverse`) reads tables under these names.
 *
 * @example
 * DATAVERSE_MAPPINGS.map((m) => m.stream); // ['account', 'contact', 'lead', …]
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { ACCOUNT_NOT_MAPPED, dataverseAccount } from './account.js';
import { dataverseCampaign } from './campaign.js';
import { SYSTEM_NOT_MAPPED } from './common.js';
import { CONTACT_NOT_MAPPED, dataverseContact } from './contact.js';
import { INCIDENT_NOT_MAPPED, dataverseIncident } from './incident.js';
import { LEAD_NOT_MAPPED, dataverseLead } from './lead.js';
import { OPPORTUNITY_NOT_MAPPED, dataverseOpportunity } from './opportunity.js';
import { PRODUCT_NOT_MAPPED, dataverseProduct } from './product.js';
import { SALESORDER_NOT_MAPPED, dataverseSalesOrder } from './salesorder.js';
import { TRANSACTIONCURRENCY_NOT_MAPPED, dataverseTransactionCurrency } from './transactioncurrency.js';

export {
  dataverseAccount, dataverseCampaign, dataverseContact, dataverseIncident, dataverseLead, dataverseOpportunity, dataverseProduct, dataverseSalesOrder,
  dataverseTransactionCurrency,
};

export const DATAVERSE_MAPPINGS: readonly StreamMapping[] = [
  dataverseAccount, dataverseContact, dataverseLead, dataverseOpportunity, dataverseIncident, dataverseProduct, dataverseSalesOrder, dataverseCampaign,
  dataverseTransactionCurrency,
];

/** Per table: source columns deliberately left unmapped, with the reason. */
export const DATAVERSE_NOT_MAPPED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  account: ACCOUNT_NOT_MAPPED,
  contact: CONTACT_NOT_MAPPED,
  lead: LEAD_NOT_MAPPED,
  opportunity: OPPORTUNITY_NOT_MAPPED,
  incident: INCIDENT_NOT_MAPPED,
  product: PRODUCT_NOT_MAPPED,
  salesorder: SALESORDER_NOT_MAPPED,
  campaign: SYSTEM_NOT_MAPPED,
  transactioncurrency: TRANSACTIONCURRENCY_NOT_MAPPED,
};
