/** On shutdown: one more pass over each platform's queue, bounded in time. */
import type { Logger } from '../log';
import type { ChatAdapter } from '../pipeline/message';
import type { Delivery } from './delivery';

export async function flushWithin(
  delivery: Delivery,
  adapters: ChatAdapter[],
  ms: number,
  log: Logger,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((res) => (timer = setTimeout(() => res('late'), ms)));
  const passes = Promise.all(
    adapters.map((a) =>
      delivery
        .drain(a.platform)
        .catch((err: Error) =>
          log.warn('last delivery pass failed', { account: a.platform, error: err.message }),
        ),
    ),
  );
  if ((await Promise.race([passes, late])) === 'late')
    log.warn('stopped with messages still being sent: they go out after the next start', { ms });
  clearTimeout(timer);
}
