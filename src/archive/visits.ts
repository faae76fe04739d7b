/** Saving a visit: the customer (found or created), the visit itself, then the stats. */
import type { Types } from 'mongoose';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { VisitDoc } from '../model/visit';
import { addVisitToStats, findOrCreateCustomer } from './customers';

export interface VisitInput {
  storeId: Types.ObjectId;
  recordedBy: Types.ObjectId;
  customerName: string;
  phone?: string;
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
}

export async function saveVisit(models: Models, input: VisitInput): Promise<SavedVisit> {
  const existing = await models.Visit.findOne({ sourceKey: input.sourceKey });
  if (existing) {
    const customer = await models.Customer.findById(existing.customerId);
    if (customer) return { visit: existing, customer, newCustomer: false, duplicate: true };
  }
  const { customer, created } = await findOrCreateCustomer(
    models,
    { storeId: input.storeId, name: input.customerName, phone: input.phone },
    input.recordedBy,
  );
  const previousVisit = customer.stats?.lastVisit ?? undefined;
  const visit = await models.Visit.create({
    storeId: input.storeId,
    customerId: customer._id,
    businessDate: input.businessDate,
    mealPeriod: input.mealPeriod,
    partySize: input.partySize,
    amount: input.amount,
    room: input.room,
    occasion: input.occasion,
    companions: input.companions ?? [],
    notes: input.notes ?? [],
    recordedBy: input.recordedBy,
    chatId: input.chatId,
    sourceKey: input.sourceKey,
    text: input.text,
  });
  await addVisitToStats(models, customer, visit);
  return { visit, customer, newCustomer: created, previousVisit, duplicate: false };
}
