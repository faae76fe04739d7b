import { Schema, Types, type Connection } from 'mongoose';

/**
 * 投诉: what a customer complained of, to be handled within 24 hours (seed 001: 客户投诉一经接收,
 * 相关部门应在24小时内进行调查,并及时回复客户). Written only by archive/complaints.ts; found by
 * hand-kept lookups (the store's open cases, a customer's cases, a month's cases), never by a
 * filter. `_id` comes from the message that opened it: handled again, it is the same case.
 */
export const complaintSchema = new Schema(
  {
    _id: { type: Types.ObjectId, required: true },
    storeId: { type: Types.ObjectId, required: true },
    customerId: { type: Types.ObjectId, required: true },
    customerName: { type: String, required: true },
    /** The customer's owner when it was recorded: 本月业绩 counts it on them. */
    ownerId: Types.ObjectId,
    /** What the customer said, as staff wrote it: 菜太咸. */
    said: { type: String, default: '' },
    recordedBy: { type: Types.ObjectId, required: true },
    /** The message's time, and its business date. */
    at: { type: Date, required: true },
    day: { type: String, required: true },
    due: { type: Date, required: true },
    state: { type: String, enum: ['open', 'closed'], default: 'open' },
    closing: {
      _id: false,
      by: Types.ObjectId,
      what: String,
      at: Date,
    },
    /** Told to every manager once it was overdue; the job occurrence that told them. */
    escalated: { _id: false, at: Date, occurrence: String },
    chatId: String,
    text: String,
    history: {
      type: [
        {
          _id: false,
          at: { type: Date, required: true },
          by: { type: Types.ObjectId },
          what: { type: String, required: true },
          note: String,
        },
      ],
      default: [],
    },
  },
  { versionKey: false },
);

export interface Complaint {
  _id: Types.ObjectId;
  storeId: Types.ObjectId;
  customerId: Types.ObjectId;
  customerName: string;
  ownerId?: Types.ObjectId;
  said: string;
  recordedBy: Types.ObjectId;
  at: Date;
  day: string;
  due: Date;
  state: 'open' | 'closed';
  closing?: { by: Types.ObjectId; what: string; at: Date };
  escalated?: { at: Date; occurrence: string };
  chatId?: string;
  text?: string;
  history: { at: Date; by?: Types.ObjectId; what: string; note?: string }[];
}

export const complaintModel = (c: Connection) => c.model('Complaint', complaintSchema);
