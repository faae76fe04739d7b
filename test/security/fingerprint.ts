/**
 * The state a command may change, as one string: every document of the collections that hold the
 * shops' data (not the message log, the delivery queue or job bookkeeping, which every message
 * touches). `without` leaves out documents that mention any of these ids, e.g. another store's.
 */
import type { Models } from '../../src/model';

const BOOKKEEPING = new Set([
  'MessageLog',
  'PendingMessage',
  'SendClaim',
  'SentReceipt',
  'SendWindow',
  'JobRun',
  'JobState',
]);

export async function fingerprint(models: Models, without: string[] = []): Promise<string> {
  const parts: string[] = [];
  for (const [name, model] of Object.entries(models)) {
    if (BOOKKEEPING.has(name)) continue;
    const docs = (await (model as Models['Lookup']).find({}).lean()).map((d) => JSON.stringify(d));
    const kept = docs.filter((d) => !without.some((id) => d.includes(id)));
    parts.push(`${name}:${kept.sort().join('\n')}`);
  }
  return parts.join('\n\n');
}
