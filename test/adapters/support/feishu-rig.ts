/** A fake Open API plus the Feishu adapter in either mode, and a way to deliver events to it. */
import type * as lark from '@larksuiteoapi/node-sdk';
import { createFeishuAdapter, type FeishuOptions } from '../../../adapters/feishu';
import type { Rate } from '../../../adapters/shared/rate-limit';
import { createLogger } from '../../../src/log';
import type { ChatAdapter } from '../../../src/pipeline/message';
import { startFakeFeishu, type FakeFeishu } from './fake-feishu';
import { ENCRYPT_KEY, postWebhook, VERIFICATION_TOKEN } from './feishu-events';
import { freePort } from './http';

export const STAFF = 'ou_staff_wang';
export const STRANGER = 'ou_stranger';
export const GROUP = 'oc_group_front';
export const p2p = (user: string) => `oc_p2p_${user}`;

export interface Rigged {
  fake: FakeFeishu;
  adapter: ChatAdapter;
  /** Deliver an event the way this mode receives it. */
  deliver(payload: Record<string, unknown>): Promise<unknown>;
}

/** A fake Open API plus an adapter in `mode`: webhook (real, encrypted HTTP) or ws (dispatcher). */
export async function rig(
  mode: 'ws' | 'webhook',
  extra: Partial<FeishuOptions> = {},
  rates?: Rate[],
): Promise<Rigged> {
  const fake = await startFakeFeishu();
  const port = await freePort();
  let dispatcher: lark.EventDispatcher | undefined;
  const adapter = createFeishuAdapter({
    appId: fake.appId,
    appSecret: fake.appSecret,
    domain: fake.domain,
    mode,
    webhook: { port, verificationToken: VERIFICATION_TOKEN, encryptKey: ENCRYPT_KEY },
    log: createLogger('silent'),
    rates,
    // What WSClient does with a pushed event: invoke the dispatcher without a signature check.
    connectWs: async (d) => {
      dispatcher = d;
      return { close: () => (dispatcher = undefined) };
    },
    ...extra,
  });
  const deliver = async (payload: Record<string, unknown>) => {
    if (mode === 'webhook') return (await postWebhook(port, payload, ENCRYPT_KEY)).status;
    if (!dispatcher) throw new Error('the long connection is closed');
    return dispatcher.invoke(payload, { needCheck: false });
  };
  return { fake, adapter, deliver };
}
