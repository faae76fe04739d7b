import type { Connection } from 'mongoose';
import { bookingModel } from './booking';
import { chatMoveModel, seenContactModel } from './chat-move';
import { complaintModel } from './complaint';
import { customerModel } from './customer';
import { customerEventModel } from './customer-event';
import { dayBookModel } from './day-book';
import { followUpCardModel } from './follow-up-card';
import { draftModel } from './draft';
import { inviteModel } from './invite';
import {
  pendingMessageModel,
  sendClaimModel,
  sendWindowModel,
  sentReceiptModel,
} from '../outbox/model';
import { jobRunModel } from './job-run';
import { jobStateModel } from './job-state';
import { lookupModel } from './lookup';
import { messageLogModel } from './message-log';
import { pendingImportModel } from './pending-import';
import { staffModel } from './staff';
import { storeModel } from './store';
import { teamGroupModel } from './team-group';
import { visitModel } from './visit';

export function createModels(conn: Connection) {
  return {
    Store: storeModel(conn),
    Staff: staffModel(conn),
    TeamGroup: teamGroupModel(conn),
    Customer: customerModel(conn),
    Visit: visitModel(conn),
    MessageLog: messageLogModel(conn),
    JobRun: jobRunModel(conn),
    JobState: jobStateModel(conn),
    Draft: draftModel(conn),
    Lookup: lookupModel(conn),
    DayBook: dayBookModel(conn),
    CustomerEvent: customerEventModel(conn),
    PendingMessage: pendingMessageModel(conn),
    SendClaim: sendClaimModel(conn),
    SentReceipt: sentReceiptModel(conn),
    SendWindow: sendWindowModel(conn),
    Invite: inviteModel(conn),
    FollowUpCard: followUpCardModel(conn),
    PendingImport: pendingImportModel(conn),
    Booking: bookingModel(conn),
    Complaint: complaintModel(conn),
    ChatMove: chatMoveModel(conn),
    SeenContact: seenContactModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;

/** Create the indexes every model declares (unique keys are the dedupe, so this must run). */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.createIndexes();
}
