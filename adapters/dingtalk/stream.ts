/**
 * The SDK's Stream client with its gateway moved to DINGTALK_API_BASE: dingtalk-stream hard-codes
 * https://api.dingtalk.com for the ticket, which private deployments and the tests cannot use.
 */
import { DWClient } from 'dingtalk-stream';
import type { DingtalkApi } from './api';

export class GatewayClient extends DWClient {
  constructor(
    opts: { clientId: string; clientSecret: string },
    private readonly api: DingtalkApi,
  ) {
    super({ ...opts, keepAlive: true });
  }

  /**
   * The SDK starts a heartbeat timer on every connection and clears only the last one on
   * disconnect: after a reconnect the old timer keeps pinging a dead socket and logging forever.
   */
  override _connect(): Promise<void> {
    const self = this as unknown as { heartbeatIntervallId?: ReturnType<typeof setInterval> };
    if (self.heartbeatIntervallId !== undefined) clearInterval(self.heartbeatIntervallId);
    self.heartbeatIntervallId = undefined;
    return super._connect();
  }

  override async getEndpoint(): Promise<this> {
    const { subscriptions, ua } = this.getConfig();
    const res = await this.api.openConnection(subscriptions, ua ?? '');
    const { endpoint, ticket } = res as { endpoint?: string; ticket?: string };
    if (!endpoint || !ticket) throw new Error('dingtalk gateway: no endpoint or ticket');
    // The SDK's own field, read by its _connect().
    (this as unknown as { dw_url: string }).dw_url = `${endpoint}?ticket=${ticket}`;
    return this;
  }
}
