import { Schema, Types, type Connection } from 'mongoose';

/**
 * 预订: a table a customer has reserved for a business day. Written only by archive/bookings.ts.
 * Found by hand-kept lookups (a day's bookings, a customer's bookings), never by a filter: the
 * local database answers only `_id` from an index. `_id` is derived from the message that made
 * it, so handling that message again writes the same booking.
 */
export const bookingSchema = new Schema(
  {
    _id: { type: Types.ObjectId, required: true },
    storeId: { type: Types.ObjectId, required: true },
    customerId: { type: Types.ObjectId, required: true },
    /** As staff said it when booked: the brief shows it without reading the archive. */
    customerName: { type: String, required: true },
    /** Business date the table is for, `YYYY-MM-DD`. */
    day: { type: String, required: true },
    mealPeriod: String,
    /** `HH:mm`, resolved to the day's half (7点 at dinner is 19:00). */
    time: String,
    partySize: Number,
    tables: Number,
    room: String,
    takenBy: { type: Types.ObjectId, required: true },
    /** The customer's owner, or whoever took it for a new customer. */
    ownerId: { type: Types.ObjectId, required: true },
    /**
     * open → arrived (a visit that day) or cancelled; still open after the day's cut-off it is
     * marked noshow by the next morning's briefing, and a late visit of that day still arrives.
     */
    state: { type: String, enum: ['open', 'arrived', 'cancelled', 'noshow'], default: 'open' },
    /** The morning the no-show was noticed: that morning's owner list asks to call the guest. */
    noShowOn: String,
    visitId: Types.ObjectId,
    chatId: String,
    text: String,
    /** Every change, with what it was before (like a visit's amendments). */
    history: {
      type: [
        {
          _id: false,
          at: { type: Date, required: true },
          by: { type: Types.ObjectId, required: true },
          what: { type: String, required: true },
          before: Schema.Types.Mixed,
        },
      ],
      default: [],
    },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

/** What a booking says about the table; every field but the day may still be unknown. */
export interface BookingSlot {
  day: string;
  mealPeriod?: string;
  time?: string;
  partySize?: number;
  tables?: number;
  room?: string;
}

/** A booking as read (`lean()`). */
export interface Booking extends BookingSlot {
  _id: Types.ObjectId;
  storeId: Types.ObjectId;
  customerId: Types.ObjectId;
  customerName: string;
  takenBy: Types.ObjectId;
  ownerId: Types.ObjectId;
  state: 'open' | 'arrived' | 'cancelled' | 'noshow';
  noShowOn?: string;
  visitId?: Types.ObjectId;
  chatId?: string;
  text?: string;
  history: { at: Date; by: Types.ObjectId; what: string; before?: Record<string, unknown> }[];
  createdAt: Date;
}

export const bookingModel = (c: Connection) => c.model('Booking', bookingSchema);
