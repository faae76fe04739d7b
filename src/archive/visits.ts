/**
 * Saving a visit. Its insert is the commit point: the unique source key (platform:messageId)
 * decides once whether a table was recorded. Everything derived from it (history, figures, tier,
 * card, day book) is then applied by settle.ts, which a redelivery, the sweeper or
 * `npm run verify` may run again without changing anything more.
 */
import { Types } from 'mongoose';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { VisitDoc } from '../model/visit';
import { afterCommit } from './after-commit';
import type { ChangeContext } from './change';
import { derivedOf, summariesOf, tierChangeOf, type TierChange } from './refresh';
import { placed, settleVisit } from './settle';
import { noteWork } from './work-list';

export interface VisitInput {
  storeId: Types.ObjectId;
  recordedBy: Types.ObjectId;
  businessDate: string;
  amount: number;
  mealPeriod?: string;
  partySize?: number;
  room?: string;
  occasion?: string;
  companions?: string[];
  notes?: string[];
  chatId: string;
  /** platform:messageId of the message that said it: unique, so a redelivery saves nothing. */
  sourceKey: string;
  text: string;
}

export interface SavedVisit {
  visit: VisitDoc;
  customer: CustomerDoc;
  newCustomer: boolean;
  /** The customer's last visit before this one, if any. */
  previousVisit?: string;
  /** The source message had already been saved (redelivery): nothing new was written. */
  duplicate: boolean;
  tierChange?: TierChange;
  /**
   * Saved with `settleLater`: the derived steps, still to run, from the customer as stored then;
   * `customer` and `tierChange` are what they will make (the same rule, on the copy just read).
   */
  settle?: (start: CustomerDoc) => Promise<unknown>;
}

/** What saving a visit needs of the change it belongs to. */
export type VisitContext = Pick<ChangeContext, 'today' | 'tiers' | 'report'> & { at?: Date };

/** The customer as the visit makes them, for the reply when the derived write has to wait. */
export function projected(
  customer: CustomerDoc,
  visit: VisitDoc,
  x: VisitContext,
): { customer: CustomerDoc; change?: TierChange } {
  const history = placed(summariesOf(customer), visit, customer._id);
  const d = derivedOf(customer, history, x.today, x.tiers);
  const after = {
    ...customer,
    stats: d.stats,
    tier: d.tier,
    tierReason: d.tierReason,
    tierAsOf: x.today,
  } as CustomerDoc;
  return { customer: after, change: tierChangeOf(customer, after, d.verdict) };
}

/** The visit as stored: every field the schema gives a default, none left undefined. */
function visitDocument(
  _id: Types.ObjectId,
  customer: CustomerDoc,
  input: VisitInput,
  at: Date,
): VisitDoc {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return {
    _id,
    customerId: customer._id,
    ...(customer.ownerId && { ownerId: customer.ownerId }),
    companions: [],
    notes: [],
    ...given,
    status: 'active',
    changes: [],
    createdAt: at,
    updatedAt: at,
  } as unknown as VisitDoc;
}

/** The visit already saved from this source message (a redelivery the message log missed). */
async function visitFromSource(models: Models, sourceKey: string): Promise<VisitDoc | null> {
  return models.Visit.findOne({ sourceKey }).lean<VisitDoc>();
}

export async function saveVisit(
  models: Models,
  customer: CustomerDoc,
  input: VisitInput,
  x: VisitContext,
  opts: {
    /** The reply need not wait for the derived steps: they are returned to run after it. */
    settleLater?: boolean;
    /** The visit's id, already on the work list (noted with its new customer). */
    noted?: Types.ObjectId;
  } = {},
): Promise<SavedVisit> {
  const newCustomer = customer.history.length === 0;
  const previousVisit = customer.stats?.lastVisit ?? undefined;
  const _id = opts.noted ?? new Types.ObjectId();
  if (!opts.noted) await noteWork(models, input.recordedBy, x.today, [_id]);
  let visit: VisitDoc;
  try {
    visit = visitDocument(_id, customer, input, x.at ?? new Date());
    // Straight to the collection (the document is complete): the one write that records the table.
    await models.Visit.collection.insertOne(visit as never);
  } catch (err) {
    const existing =
      (err as { code?: number }).code === 11000
        ? await visitFromSource(models, input.sourceKey)
        : null;
    if (!existing) throw err;
    const settled = await afterCommit(x.report, 'visit', () => settleVisit(models, existing, x));
    return {
      visit: existing,
      customer: settled?.customer ?? customer,
      newCustomer: false,
      duplicate: true,
    };
  }
  // Recorded. What follows is derived; if it fails the sweeper finishes it.
  if (opts.settleLater) {
    const will = projected(customer, visit, x);
    return {
      visit,
      customer: will.customer,
      newCustomer,
      previousVisit,
      duplicate: false,
      tierChange: will.change,
      settle: (start) => settleVisit(models, visit, { ...x, customer: start }),
    };
  }
  const settled = await afterCommit(x.report, 'visit', () =>
    settleVisit(models, visit, { ...x, customer }),
  );
  return {
    visit,
    customer: settled?.customer ?? projected(customer, visit, x).customer,
    newCustomer,
    previousVisit,
    duplicate: false,
    tierChange: settled?.change,
  };
}
