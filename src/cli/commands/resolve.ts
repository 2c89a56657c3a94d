/**
 * Identity resolution over the store:
 *   concord resolve [--config f] [--full] [--threshold p] [--retrain] [--truth ground-truth.csv] [--json]
 *   concord profiles list [--kind person|organization] | show <unified id>
 *   concord profiles merge <idA> <idB> | split <id> <recordId> | always-match|never-match <recordA> <recordB> | decisions
 *   concord explain <recordA> <recordB> [--json]
 *   concord match --email … --name … [--phone …] [--dob …] [--json]
 */
import { mergePairs, saveDecisions } from '../../identity/store/decision-pairs.js';
import { resolve as resolvePath } from 'node:path';
import { ConcordError } from '../../core/errors.js';
import { loadConfig, type LoadedConfig } from '../../config/load.js';
import { formatExplanation } from '../../identity/explain/explain-pair.js';
import { explainRecords, resolvePersons, type ProfileCandidate, type ResolveStoreSummary } from '../../identity/resolve.js';
import { matchProfiles } from '../../identity/store/match-profiles.js';
import { matchOrganizations, ORGANIZATION_QUERY_KEYS } from '../../identity/store/match-organizations.js';
import { readGroundTruth } from '../../identity/store/truth.js';
import type { DecisionKind, ProfileKind } from '../../identity/store/types.js';
import { loadProfile360 } from '../../api/profiles/profile-360.js';
import { explainOrganizations, organizationRowOf } from '../../api/profiles/organizations.js';
import { planSplit, splitBatches } from '../../api/profiles/split.js';
import type { RelatedPerson } from '../../api/profiles/view.js';
import type { Store } from '../../store/store.js';
import { openConfigStore } from '../open-config-store.js';
import { formatTable, type Output } from '../output.js';
import type { RegisterCommand } from './types.js';

function parseThreshold(text: string): number {
  const value = Number(text);
  if (!(value > 0 && value <= 1)) throw new ConcordError('THRESHOLD_INVALID', `--threshold must be a number in (0, 1], got ${text}`, { kind: 'usage', hint: 'e.g. --threshold 0.9' });
  return value;
}

async function withStore<T>(config: string | LoadedConfig | undefined, env: NodeJS.ProcessEnv, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfigStore(typeof config === 'object' ? config : loadConfig(config, env));
  try {
    await store.migrate();
    return await use(store);
  } finally {
    await store.close();
  }
}

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

interface MatchOptions {
  config?: string; kind: ProfileKind; email?: string; name?: string; phone?: string; dob?: string; website?: string; identifier?: string;
  street?: string; city?: string; postcode?: string; country?: string; limit: number; json?: boolean;
}

function parseKind(text: string): ProfileKind {
  if (text === 'person' || text === 'organization') return text;
  if (text === 'organisation') return 'organization';
  throw new ConcordError('KIND_INVALID', `--kind must be person or organization, got ${text}`, { kind: 'usage' });
}

/** The person profiles with contacts at an organisation profile's accounts (as the API's 360 view has them). */
async function peopleOfOrganization(store: Store, unifiedId: string, region: string): Promise<RelatedPerson[]> {
  return (await loadProfile360(store, unifiedId, { region })).people;
}

/** One kind's column of the summary: a value per row of SUMMARY_ROWS. */
function summaryValues(s: ResolveStoreSummary): Array<string | number> {
  return [
    s.mode, s.changed, s.records, s.candidatePairs, s.matchedPairs, s.trained ? 'trained (EM) and saved' : 'saved parameters',
    s.profiles.active, s.profiles.created, s.profiles.grew, s.profiles.merged, s.profiles.split, s.profiles.moved, s.profiles.retired, round(s.seconds, 2),
  ];
}

const SUMMARY_ROWS = ['mode', 'changed records', 'records', 'candidate pairs', 'matched pairs', 'model', 'profiles', 'created', 'grew', 'merged', 'split', 'members moved', 'retired', 'seconds'] as const;

/**
 * The summary table `concord resolve` (and `concord demo`) prints: a column for the people and, when the run
 * resolved organisations too, one for them.
 *
 * @example
 * printResolveSummary(ctx.output, await resolvePersons(store));
 * // identity resolution | people | organisations
 * // profiles            | 1113   | 142 …
 */
export function printResolveSummary(output: Output, s: ResolveStoreSummary): void {
  const parts = [s, ...(s.organizations ? [s.organizations] : [])].map(summaryValues);
  const rows: Array<Array<string | number>> = SUMMARY_ROWS.map((name, i) => [name, ...parts.map((p) => p[i]!)]);
  const accuracy = (a: ResolveStoreSummary['accuracy']) => (a ? [round(a.precision), round(a.recall), round(a.f1)] : ['', '', '']);
  if (s.accuracy || s.organizations?.accuracy) {
    const columns = [accuracy(s.accuracy), ...(s.organizations ? [accuracy(s.organizations.accuracy)] : [])];
    ['precision (pairs)', 'recall (pairs)', 'F1 (pairs)'].forEach((name, i) => rows.push([name, ...columns.map((c) => c[i]!)]));
  }
  output.out(formatTable(['identity resolution', 'people', ...(s.organizations ? ['organisations'] : [])], rows));
}

export const registerResolve: RegisterCommand = (program, ctx) => {
  program
    .command('resolve')
    .description('resolve the stored people into unified profiles with stable ids and golden values (only what changed since the last run)')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('--full', 're-resolve every stored person and rebuild the blocking index')
    .option('--threshold <p>', 'match probability threshold, 0 < p ≤ 1 (default: identity.threshold in the config, 0.9)')
    .option('--retrain', 'train the model again instead of reusing the saved parameters')
    .option('--truth <file>', 'ground-truth CSV (system,stream,record_id,truth_id): print pairwise precision, recall and F1')
    .option('--region <code>', 'default country for phone numbers and postcodes (default US)')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { config?: string; full?: boolean; threshold?: string; retrain?: boolean; truth?: string; region?: string; json?: boolean }) => {
      const loaded = loadConfig(opts.config, ctx.env);
      const { identity, defaults } = loaded.config;
      const threshold = opts.threshold === undefined ? identity.threshold : parseThreshold(opts.threshold);
      const truth = opts.truth === undefined ? undefined : readGroundTruth(resolvePath(opts.truth));
      const summary = await withStore(loaded, ctx.env, (store) =>
        resolvePersons(store, {
          threshold, full: opts.full === true, retrain: opts.retrain === true, sourcePriority: identity.sourcePriority, survivorship: identity.survivorship, region: opts.region?.toUpperCase() ?? defaults.region,
          ...(truth && { truth }),
        }),
      );
      if (opts.json) ctx.output.out(JSON.stringify(summary, null, 2));
      else printResolveSummary(ctx.output, summary);
    });

  const profiles = program.command('profiles').description('unified profiles: golden values with provenance, members, history');
  profiles
    .command('list')
    .description('active person (or, with --kind, organisation) profiles, by unified id')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('-k, --kind <kind>', 'person or organization', parseKind, 'person')
    .option('-n, --limit <n>', 'how many', (v) => Number.parseInt(v, 10), 20)
    .option('--after <id>', 'list after this unified id (paging)')
    .option('--json', 'print JSON')
    .action(async (opts: { config?: string; kind: ProfileKind; limit: number; after?: string; json?: boolean }) => {
      await withStore(opts.config, ctx.env, async (store) => {
        const list = await store.listProfiles(opts.kind, { limit: opts.limit, ...(opts.after !== undefined && { after: opts.after }) });
        if (opts.json) return ctx.output.out(JSON.stringify(list, null, 2));
        if (list.length === 0) return ctx.output.out(`no ${opts.kind === 'organization' ? 'organisation' : 'person'} profiles yet: run \`concord resolve\``);
        const rows = [];
        for (const p of list) {
          const members = await store.profileMembers(p.unifiedId);
          const a = p.attributes;
          rows.push(opts.kind === 'organization'
            ? [p.unifiedId, a['organizationName']?.value ?? '', a['phone']?.value ?? '', a['website']?.value ?? '', members.length, p.updatedAt]
            : [p.unifiedId, a['personName']?.value ?? '', a['email']?.value ?? '', members.length, p.updatedAt]);
        }
        const headers = opts.kind === 'organization' ? ['unified id', 'name', 'phone', 'website', 'records', 'updated'] : ['unified id', 'name', 'email', 'records', 'updated'];
        ctx.output.out(formatTable(headers, rows));
      });
    });
  profiles
    .command('show')
    .description('one profile: golden values with provenance, members per system, history')
    .argument('<id>', 'unified id')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { config?: string; json?: boolean }) => {
      const loaded = loadConfig(opts.config, ctx.env);
      await withStore(loaded, ctx.env, async (store) => {
        const profile = await store.getProfile(id);
        if (!profile) throw new ConcordError('PROFILE_NOT_FOUND', `no profile ${id}`, { kind: 'usage', hint: 'list profiles with `concord profiles list`' });
        const members = [];
        for (const m of await store.profileMembers(id)) {
          const record = await store.getCimRecordById(m.recordId);
          members.push({ ...m, system: record?.sourceSystem, stream: record?.sourceStream, sourceRecordId: record?.sourceRecordId });
        }
        const history = await store.profileHistory(id);
        const people = profile.kind === 'organization' ? await peopleOfOrganization(store, id, loaded.config.defaults.region) : undefined;
        if (opts.json) return ctx.output.out(JSON.stringify({ profile, members, history, ...(people && { people }) }, null, 2));
        const name = profile.attributes['personName']?.value ?? profile.attributes['organizationName']?.value;
        ctx.output.out(`profile ${profile.unifiedId}${name === undefined ? '' : ` ${name}`} (${profile.kind}, ${profile.status}${profile.mergedInto ? `, merged into ${profile.mergedInto}` : ''}), created ${profile.createdAt}, updated ${profile.updatedAt}`);
        ctx.output.out(formatTable(
          ['attribute', 'value', 'system', 'record', 'modstamp', 'rule', 'candidates'],
          Object.entries(profile.attributes).map(([name, g]) => [name, g.value, g.provenance.system, g.provenance.externalRecordId, g.provenance.modstamp ?? '', g.rule, g.candidates]),
        ));
        ctx.output.out('\nmembers:');
        ctx.output.out(formatTable(['system', 'stream', 'source record', 'concord id', 'since'], members.map((m) => [m.system ?? '?', m.stream ?? '?', m.sourceRecordId ?? '?', m.recordId, m.since])));
        if (people && people.length > 0) {
          ctx.output.out('\npeople (contacts at its accounts):');
          ctx.output.out(formatTable(['unified id', 'name', 'email', 'roles', 'systems'], people.map((p) => [p.unifiedId, p.name ?? '', p.email ?? '', p.roles.join('; '), p.systems.join(', ')])));
        }
        ctx.output.out('\nhistory:');
        ctx.output.out(formatTable(['at', 'event', 'profiles', 'records'], history.map((h) => [h.at, h.event, h.unifiedIds.join(' ← '), h.recordIds.length])));
      });
    });

  const decide = (name: string, description: string, args: [string, string], build: (store: Store, a: string, b: string) => Promise<ReadonlyArray<readonly [string, string]>>, kind: DecisionKind) => {
    profiles
      .command(name)
      .description(`${description} (a saved decision that wins over the model; applied by the next \`concord resolve\`)`)
      .argument(args[0])
      .argument(args[1])
      .option('-c, --config <file>', 'config file (default: concord.yaml)')
      .option('--who <name>', 'who decided', ctx.env['USER'] ?? 'cli')
      .option('--reason <text>', 'why')
      .action(async (a: string, b: string, opts: { config?: string; who: string; reason?: string }) => {
        await withStore(opts.config, ctx.env, async (store) => {
          const pairs = await build(store, a, b);
          for (const [recordA, recordB] of pairs) await store.addIdentityDecision({ kind, recordA, recordB, who: opts.who, reason: opts.reason });
          ctx.output.out(`recorded ${pairs.length} ${kind} decision${pairs.length === 1 ? '' : 's'}; run \`concord resolve\` to apply`);
        });
      });
  };
  const memberRecord = async (store: Store, recordId: string): Promise<string> => {
    if (!(await store.profileOfRecord(recordId))) throw new ConcordError('RECORD_NOT_IN_PROFILE', `record ${recordId} belongs to no profile`, { kind: 'usage', hint: 'record ids are the Concord ids `concord profiles show` lists' });
    return recordId;
  };
  decide('always-match', 'these two records are the same person', ['<recordA>', '<recordB>'], async (store, a, b) => [[await memberRecord(store, a), await memberRecord(store, b)]], 'always-match');
  decide('never-match', 'these two records are different people', ['<recordA>', '<recordB>'], async (store, a, b) => [[await memberRecord(store, a), await memberRecord(store, b)]], 'never-match');
  decide('merge', 'two profiles are the same person (also undoes an earlier split between them)', ['<idA>', '<idB>'], async (store, a, b) => mergePairs(store, [a, b]), 'always-match');
  profiles
    .command('split')
    .description('take records out of their profile: never-match with every member that stays, and always-match where the split would break the members that stay apart (saved decisions that win over the model; applied by the next `concord resolve`)')
    .argument('<id>', 'unified id of the profile')
    .argument('<recordIds...>', 'Concord ids of the members that leave')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('--who <name>', 'who decided', ctx.env['USER'] ?? 'cli')
    .option('--reason <text>', 'why')
    .option('--no-keep-together', 'save only the never-match decisions: the members that stay may fall apart where the leaving records were their only link')
    .action(async (id: string, recordIds: string[], opts: { config?: string; who: string; reason?: string; keepTogether: boolean }) => {
      const loaded = loadConfig(opts.config, ctx.env);
      await withStore(loaded, ctx.env, async (store) => {
        const plan = await planSplit(store, id, recordIds, { threshold: loaded.config.identity.threshold, region: loaded.config.defaults.region, keepTogether: opts.keepTogether });
        await saveDecisions(store, splitBatches(plan, id, opts.reason), opts.who);
        const plural = (n: number, what: string): string => `${n} ${what} decision${n === 1 ? '' : 's'}`;
        const together = plan.keepTogether.length === 0 ? '' : ` and ${plural(plan.keepTogether.length, 'always-match')} that keep the ${plan.staying.length} members that stay together`;
        ctx.output.out(`recorded ${plural(plan.neverMatch.length, 'never-match')}${together}; run \`concord resolve\` to apply`);
      });
    });
  profiles
    .command('decisions')
    .description('the saved never-match / always-match decisions')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('--json', 'print JSON')
    .action(async (opts: { config?: string; json?: boolean }) => {
      const list = await withStore(opts.config, ctx.env, (store) => store.listIdentityDecisions());
      if (opts.json) return ctx.output.out(JSON.stringify(list, null, 2));
      if (list.length === 0) return ctx.output.out('no decisions');
      ctx.output.out(formatTable(['id', 'kind', 'record A', 'record B', 'who', 'at', 'reason'], list.map((d) => [d.id, d.kind, d.recordA, d.recordB, d.who, d.at, d.reason ?? ''])));
    });

  program
    .command('explain')
    .description('why two stored records match or not: each comparison\'s level, values and weight (two organisations: under the organisation model)')
    .argument('<recordA>', 'Concord id of a person or organisation record, or system/stream/recordId')
    .argument('<recordB>', 'Concord id of a person or organisation record, or system/stream/recordId')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('--json', 'print the explanation as JSON')
    .action(async (a: string, b: string, opts: { config?: string; json?: boolean }) => {
      const loaded = loadConfig(opts.config, ctx.env);
      const region = loaded.config.defaults.region;
      const explanation = await withStore(loaded, ctx.env, async (store) => {
        const [orgA, orgB] = [await organizationRowOf(store, a), await organizationRowOf(store, b)];
        if (orgA && orgB) return (await explainOrganizations(store, orgA, orgB, region)).explanation;
        return explainRecords(store, a, b, region);
      });
      ctx.output.out(opts.json ? JSON.stringify(explanation, null, 2) : formatExplanation(explanation));
    });

  program
    .command('match')
    .description('candidate profiles for a person (or, with --kind organization, a company), with probabilities')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('-k, --kind <kind>', 'person or organization', parseKind, 'person')
    .option('--email <email>', 'email address (person)')
    .option('--name <name>', 'full name, or the company name with --kind organization')
    .option('--phone <phone>', 'phone number')
    .option('--dob <date>', 'date of birth, YYYY-MM-DD (person)')
    .option('--website <url>', 'website (organization)')
    .option('--identifier <id>', 'registration, tax or DUNS number (organization)')
    .option('--street <line>', 'street address (organization)')
    .option('--city <city>', 'city (organization)')
    .option('--postcode <code>', 'postcode (organization)')
    .option('--country <country>', 'country name or ISO code (organization; default: the config region)')
    .option('-n, --limit <n>', 'how many profiles', (v) => Number.parseInt(v, 10), 10)
    .option('--json', 'print JSON')
    .action(async (opts: MatchOptions) => {
      const loaded = loadConfig(opts.config, ctx.env);
      const region = loaded.config.defaults.region;
      let candidates: ProfileCandidate[];
      if (opts.kind === 'organization') {
        const misplaced = (['email', 'dob'] as const).find((key) => opts[key] !== undefined);
        if (misplaced !== undefined) throw new ConcordError('MATCH_OPTION_KIND', `--${misplaced} is for people; an organisation look-up takes --name, --website, --phone, --identifier, --street, --city, --postcode, --country`, { kind: 'usage' });
        const query = { name: opts.name, website: opts.website, phone: opts.phone, identifier: opts.identifier, street: opts.street, city: opts.city, postcode: opts.postcode, country: opts.country };
        if (ORGANIZATION_QUERY_KEYS.every((key) => query[key] === undefined)) {
          throw new ConcordError('MATCH_EMPTY', 'give at least one of --name, --website, --phone, --identifier', { kind: 'usage' });
        }
        candidates = await withStore(loaded, ctx.env, (store) => matchOrganizations(store, query, { region }));
      } else {
        const misplaced = (['website', 'identifier', 'street', 'city', 'postcode', 'country'] as const).find((key) => opts[key] !== undefined);
        if (misplaced !== undefined) throw new ConcordError('MATCH_OPTION_KIND', `--${misplaced} is for organisations: add --kind organization`, { kind: 'usage' });
        if (opts.email === undefined && opts.name === undefined && opts.phone === undefined) {
          throw new ConcordError('MATCH_EMPTY', 'give at least one of --email, --name, --phone', { kind: 'usage' });
        }
        const query = { email: opts.email, name: opts.name, phone: opts.phone, dob: opts.dob };
        candidates = await withStore(loaded, ctx.env, (store) => matchProfiles(store, query, { region }));
      }
      candidates = candidates.slice(0, opts.limit);
      if (opts.json) return ctx.output.out(JSON.stringify(candidates, null, 2));
      if (candidates.length === 0) return ctx.output.out(`no candidate ${opts.kind === 'organization' ? 'organisation ' : ''}profiles`);
      ctx.output.out(formatTable(['unified id', 'probability', 'records', 'blocking rules'], candidates.map((c) => [c.unifiedId ?? '(no profile yet)', round(c.probability, 4), c.records.length, [...new Set(c.records.flatMap((r) => r.rules))].join('; ')])));
    });
};
