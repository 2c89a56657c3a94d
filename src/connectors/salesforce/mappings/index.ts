/**
 * Every shipped Salesforce mapping, one file per object (crosswalk §1–§10).
 *
 * @example
 * SALESFORCE_MAPPINGS.map((m) => m.stream); // ['Account', 'Contact', …]
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { salesforceAccount } from './account.js';
import { salesforceCampaignMember } from './campaign-member.js';
import { salesforceCampaign } from './campaign.js';
import { salesforceCase } from './case.js';
import { salesforceContact } from './contact.js';
import { salesforceLead } from './lead.js';
import { salesforceOpportunity } from './opportunity.js';
import { salesforceOrderItem } from './order-item.js';
import { salesforceOrder } from './order.js';
import { salesforceProduct2 } from './product2.js';

export {
  salesforceAccount, salesforceCampaign, salesforceCampaignMember, salesforceCase, salesforceContact, salesforceLead, salesforceOpportunity,
  salesforceOrder, salesforceOrderItem, salesforceProduct2,
};

export const SALESFORCE_MAPPINGS: readonly StreamMapping[] = [
  salesforceAccount, salesforceContact, salesforceLead, salesforceOpportunity, salesforceCase, salesforceCampaign, salesforceCampaignMember,
  salesforceProduct2, salesforceOrder, salesforceOrderItem,
];
