/**
 * After a change's commit point (the visit inserted, the correction written) the change stands:
 * a derived step that fails is reported and left to the sweeper (sweeper.ts), and the staff member
 * hears that it was recorded, never 出错了 (which would make them send it again).
 */
export type ReportDeferred = (what: string, err: unknown) => void;

export async function afterCommit<T>(
  report: ReportDeferred,
  what: string,
  step: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await step();
  } catch (err) {
    report(what, err);
    return undefined;
  }
}

/** For callers with nowhere to report (scripts): the error is rethrown. */
export const rethrow: ReportDeferred = (_what, err) => {
  throw err;
};
