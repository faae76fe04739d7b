/**
 * Who holds a claim (a send, a job run): this start of the bot, with the starts before it on the
 * same DATA_DIR. A DATA_DIR (its journal) belongs to one running bot, so a claim made by an
 * earlier start is a dead process's claim: it is taken over at once instead of after its lease.
 * Without that, one SIGKILL between claiming a reply and sending it held the chat's replies back
 * for the whole send lease (ten minutes), and the staff saw a bot that had gone silent.
 */
export interface Holder {
  /** This start's id, written on every claim it makes. */
  id: string;
  /** Earlier starts on this DATA_DIR: none of them is running any more. */
  gone: ReadonlySet<string>;
}

export interface HeldClaim {
  leaseUntil: Date;
  by?: string | null;
}

/** Still held by someone who may be working on it: a live lease, not from a start that is gone. */
export function stillHeld(claim: HeldClaim, now: number, holder?: Holder): boolean {
  if (claim.by && holder?.gone.has(claim.by)) return false;
  return claim.leaseUntil.getTime() > now;
}
