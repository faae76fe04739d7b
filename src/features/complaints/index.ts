/** 投诉: record, close, list (bot.ts wires them; the escalation job is in jobs.ts). */
import type { Feature } from '../../pipeline/router';
import { closeComplaintFeature } from './close';
import { complaintList } from './list';
import { recordComplaint } from './record';

export const COMPLAINT_FEATURES: Feature[] = [
  recordComplaint,
  closeComplaintFeature,
  complaintList,
];
