import path from 'node:path';
import { loadConfig } from '../../core/config';
import { todayUtc } from '../../core/pipeline/build';
import { snoozeDateOf } from '../../core/portfolio/snooze';
import { applyDecision, UnknownItemError, type DecisionChange } from '../../core/store/decide';
import { openStore, type PortfolioStore } from '../../core/store/portfolioStore';
import { decisionSchema, StoreError, STATUSES, type Status } from '../../core/store/schema';
import { SnoozeError } from '../../core/store/snooze';
import { UsageError, type Command, type OptionValues } from '../command';
import { loadPortfolio, positiveNumber } from '../portfolio';

const SETTABLE = STATUSES.filter((s): s is Exclude<Status, 'done'> => s !== 'done');

/** Checks an option's value with the store's own schema for the field it sets. */
function checked<K extends 'sprint' | 'notes' | 'owner'>(option: string, field: K, value: NonNullable<DecisionChange[K]>): NonNullable<DecisionChange[K]> {
  const parsed = decisionSchema.shape[field].safeParse(value);
  if (!parsed.success) throw new UsageError(`--${option}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return value;
}

function changeOf(values: OptionValues): DecisionChange {
  const change: DecisionChange = {};
  if (values.set !== undefined) {
    if (!SETTABLE.includes(values.set as never)) throw new UsageError(`--set must be one of ${SETTABLE.join(', ')}, not "${String(values.set)}"`);
    change.status = values.set as DecisionChange['status'];
  }
  const sprint = positiveNumber(values, 'sprint');
  if (sprint !== undefined) change.sprint = checked('sprint', 'sprint', Math.round(sprint));
  if (typeof values.note === 'string') change.notes = checked('note', 'notes', values.note);
  if (values.pin && values.unpin) throw new UsageError('--pin and --unpin together');
  if (values.pin) change.pinned = true;
  if (values.unpin) change.pinned = false;
  if (typeof values.owner === 'string') change.owner = values.owner === '' ? null : checked('owner', 'owner', values.owner);
  if (values.snooze !== undefined && values.unsnooze) throw new UsageError('--snooze and --unsnooze together');
  if (values.unsnooze) change.snoozedUntil = null;
  if (Object.keys(change).length === 0 && values.snooze === undefined) throw new UsageError('nothing to change: give --set, --sprint, --note, --pin, --unpin, --owner, --snooze or --unsnooze');
  return change;
}

/** The day `--snooze <date|Nsprints>` ends on, by the team's sprint calendar; a bad value names the item. */
async function snoozeDate(given: string, id: string, root: string, today: string): Promise<string> {
  const { config } = await loadConfig(root);
  try {
    return snoozeDateOf(given, today, config);
  } catch (error) {
    if (error instanceof SnoozeError) throw new UsageError(`cannot snooze item ${id}: ${error.message}`);
    throw error;
  }
}

/** The full id for an id or a unique prefix of at least 6 hex digits. */
function resolveId(store: PortfolioStore, given: string): string | undefined {
  if (!/^[0-9a-f]{6,16}$/.test(given)) throw new UsageError(`"${given}" is not an item id (6 to 16 hex digits, from scan --format json)`);
  const matches = Object.keys(store.data().items).filter((id) => id.startsWith(given));
  if (matches.length > 1) throw new UsageError(`"${given}" matches ${matches.length} items; give more digits`);
  return matches[0];
}

export const statusCommand: Command = {
  summary: 'record a team decision on one item: plan it, accept it, won\'t fix, reopen, pin, snooze',
  usage: `debt-portfolio status <id> [options]

Options:
  --set planned|accepted|wontfix|open   the item's status
  --sprint <n>          the sprint it is planned for
  --note <text>         a note (why it is accepted, who pairs on it…)
  --pin / --unpin       keep it in the next sprint's plan whatever its score
  --owner <name>        who owns it (overrides META owner; "" clears)
  --snooze <date|Nsprints>  leave it out of plans until a future YYYY-MM-DD, or for N sprints (2sprints: back
                        in the sprint after the next two); it unpins and unplans it, and it comes back by itself
  --unsnooze            end a snooze now
  --dir <folder>        the workspace (default: the current folder)
  --no-git              no git at all
  -h, --help            show this help`,
  options: { set: { type: 'string' }, sprint: { type: 'string' }, note: { type: 'string' }, pin: { type: 'boolean' }, unpin: { type: 'boolean' }, owner: { type: 'string' }, snooze: { type: 'string' }, unsnooze: { type: 'boolean' }, dir: { type: 'string', default: '.' }, 'no-git': { type: 'boolean', default: false } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('give exactly one item id');
    const change = changeOf(values);
    const root = path.resolve(String(values.dir));
    let store = await openStore(root);
    if (store.readOnly) throw new UsageError(`cannot record a decision on ${positionals[0]}: ${store.readOnly}`);
    let id = resolveId(store, positionals[0]!);
    if (!id) {
      store = (await loadPortfolio(values, [root], { record: true })).store;
      id = resolveId(store, positionals[0]!);
    }
    if (!id) throw new UsageError(new UnknownItemError(positionals[0]!).message);
    const today = todayUtc();
    if (typeof values.snooze === 'string') change.snoozedUntil = await snoozeDate(values.snooze, id, root, today);
    await store.update((data) => void applyDecision(data, id, change, today)).catch((error: unknown) => {
      throw error instanceof StoreError || error instanceof SnoozeError ? new UsageError(error.message) : error;
    });
    const decision = store.data().items[id]!;
    const snoozed = decision.snoozedUntil ? ` snoozed until ${decision.snoozedUntil}` : '';
    process.stdout.write(`${id} ${decision.status}${decision.sprint !== undefined ? ` sprint ${decision.sprint}` : ''}${decision.pinned ? ' pinned' : ''}${snoozed}: ${decision.tag} ${decision.text}\n`);
    return 0;
  },
};
