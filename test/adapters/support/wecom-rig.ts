/** The stand-in long connection plus the WeCom adapter with the real SDK, for the tests. */
import { createWecomAdapter, type WecomOptions } from '../../../adapters/wecom';
import type { Rate } from '../../../adapters/shared/rate-limit';
import { createLogger } from '../../../src/log';
import type { ChatAdapter } from '../../../src/pipeline/message';
import { startFakeWecom, type FakeWecom } from './fake-wecom';

export const STAFF = 'wangxiaoer';
export const STRANGER = 'lisi_stranger';
export const GROUP = 'wrkSFfCgAA_front';

export interface WecomRig {
  fake: FakeWecom;
  adapter: ChatAdapter;
}

export async function wecomRig(
  extra: Partial<WecomOptions> = {},
  rates?: Rate[],
): Promise<WecomRig> {
  const fake = await startFakeWecom();
  const adapter = createWecomAdapter({
    botId: fake.botId,
    secret: fake.secret,
    wsUrl: fake.url,
    log: createLogger('silent'),
    rates,
    reconnectMs: 100,
    // Nothing listens here: a test that wants the group's webhook passes its stand-in's address.
    webhookBase: 'http://127.0.0.1:9',
    ...extra,
  });
  return { fake, adapter };
}

/** What a chat shows of a sent message: its text, or a card's title and body. */
export function shownText(m: { text: string; card?: Record<string, unknown> }): string {
  if (!m.card) return m.text;
  const title = (m.card.main_title as { title?: string } | undefined)?.title ?? '';
  const sub = m.card.sub_title_text as string | undefined;
  return sub ? `${title}\n${sub}` : title;
}
