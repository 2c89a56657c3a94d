/**
 * The shapes of a generated demo world, shared by the generators and the writers.
 *
 * @example
 * const world: DemoWorld = generateDemo({ people: 1000, seed: 42 });
 * world.salesforce.objects.Contact.length; // ≈ 450
 */
import type { DataverseTable, Row, SalesforceObject } from './columns.js';
import type { McEventKind, McJob, McSubscriberSeed } from './mc-events.js';
import type { TruthCompany, TruthPerson } from './truth.js';
import type { Variation } from './views.js';

/** Options of `generateDemo`. */
export interface DemoOptions {
  /** Real-world people to create (each appears in one to three systems, some twice in one). */
  people: number;
  /** Seed of the whole world: the same seed gives byte-identical files. */
  seed: number;
}

/** The three systems of the demo, as named in concord.yaml and the ground truth. */
export type SystemName = 'salesforce' | 'dataverse' | 'marketing-cloud';

/** One line of ground truth: which real-world entity a system record represents. */
export interface GroundTruthRow {
  system: SystemName;
  stream: string;
  recordId: string;
  entityKind: 'person' | 'company';
  truthId: string;
}

/** Counts that describe a generated world (also returned by `writeDemo`). */
export interface DemoSummary {
  seed: number;
  referenceDate: string;
  people: number;
  companies: number;
  /** People with at least one record in each system. */
  peopleIn: Record<SystemName, number>;
  /** People by how many systems hold them: 1, 2 or 3. */
  overlap: { oneSystem: number; twoSystems: number; threeSystems: number };
  /** Extra records of an entity already present in the same system (intra-system duplicates). */
  duplicates: {
    salesforcePeople: number;
    dataversePeople: number;
    marketingCloudSubscribers: number;
    salesforceAccounts: number;
    dataverseAccounts: number;
  };
  /** Records per stream, per system (Marketing Cloud tracking events included). */
  records: Record<SystemName, Record<string, number>>;
  /** How many person and company records carry each kind of variation. */
  variations: Partial<Record<Variation, number>>;
}

/** A Marketing Cloud subscriber: the seed its events are generated from, plus its row in Subscribers.csv. */
export interface McSubscriber extends McSubscriberSeed {
  row: Row;
}

/** Everything `generateDemo` produced: the truth, each system's rows, the ground truth and a summary. */
export interface DemoWorld {
  options: DemoOptions;
  /** The world's fixed "now" (ISO-8601); all activity lies before it, some close dates after it. */
  referenceDate: string;
  truth: { companies: TruthCompany[]; people: TruthPerson[] };
  salesforce: { orgId: string; objects: Record<SalesforceObject, Row[]> };
  dataverse: {
    organizationId: string;
    /** ADLS account and container named in model.json partition locations. */
    lakeAccount: string;
    container: string;
    tables: Record<DataverseTable, Row[]>;
  };
  marketingCloud: { mid: number; jobs: McJob[]; subscribers: McSubscriber[]; eventCounts: Record<McEventKind, number> };
  groundTruth: GroundTruthRow[];
  summary: DemoSummary;
}
