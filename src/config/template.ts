/**
 * The commented `concord.yaml` that `concord init` writes. Comments for the top-level keys come from the zod
 * schema's descriptions, so the file and the validation never disagree.
 */
import { configSchema } from './schema.js';

function describe(key: keyof typeof configSchema.shape): string {
  const schema = configSchema.shape[key] as { description?: string; unwrap?: () => { description?: string } };
  return schema.description ?? schema.unwrap?.().description ?? '';
}

export function configTemplate(): string {
  const defaultsShape = configSchema.shape.defaults.unwrap().shape;
  return `# concord.yaml — Concord's configuration. Validate it with: concord config check
# Secrets never go in this file: write \${ENV_VAR} and export the variable.

# ${describe('store')}
# CONCORD_STORE_URL overrides it.
store: sqlite:.concord/concord.db

defaults:
  # ${defaultsShape.region.description ?? ''}
  region: US
  # ${defaultsShape.profile.description ?? ''}
  profile: practical
  # ${defaultsShape.pageSize.description ?? ''}
  pageSize: 2000

# Systems to read. Each has a connector type and that connector's settings (see \`concord connectors\`).
systems: {}
#  salesforce:
#    type: salesforce-export      # the CSV files (folder or ZIP) of Salesforce's weekly Data Export
#    path: ./exports/WE_00D000000000001.zip
#    orgId: 00D000000000001AAA     # becomes externalSourceId salesforce:<orgId>
#  dataverse:
#    type: cdm-folder             # a Dataverse / Dynamics 365 CDM folder (model.json or *.manifest.cdm.json)
#    path: ./exports/dataverse
#  newsletter:
#    type: csv
#    path: ./exports/subscribers.csv
#    stream: subscribers
#    id: SubscriberKey
#    fields: { EmailAddress: ContactPointEmail.emailAddress, FirstName: Individual.firstName }

# ${describe('mappings')}
mappings: {}
#  salesforce:
#    Contact:
#      fields: { Description: null }            # do not map Description
#      values: { LeadSource: { Web: Online } }  # picklist value → CIM value
`;
}
