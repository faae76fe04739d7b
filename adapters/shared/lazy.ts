/**
 * A platform SDK is loaded only when its adapter starts: wechaty alone takes about a second to
 * load, which every console run and every `npm run staff` would otherwise pay.
 */
import type { ChatAdapter } from '../../src/pipeline/message';

export function lazyAdapter(platform: string, load: () => Promise<ChatAdapter>): ChatAdapter {
  let loading: Promise<ChatAdapter> | undefined;
  const adapter = () => (loading ??= load());
  return {
    platform,
    start: async (onMessage, lookups) => (await adapter()).start(onMessage, lookups),
    send: async (msg) => (await adapter()).send(msg),
    stop: async () => {
      if (loading) await (await loading).stop();
    },
  };
}
