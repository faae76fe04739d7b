/** 预订: record, answer the question a booking left, change, cancel, seat, list (bot.ts wires them). */
import type { Feature } from '../../pipeline/router';
import { answerBooking } from './answer';
import { cancelBookingFeature, changeBookingFeature } from './change';
import { bookingsQuery } from './query';
import { recordBookingFeature } from './record';
import { seatedFeature } from './seated';

export const BOOKING_FEATURES: Feature[] = [
  recordBookingFeature,
  answerBooking,
  cancelBookingFeature,
  changeBookingFeature,
  seatedFeature,
  bookingsQuery,
];
