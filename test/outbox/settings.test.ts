import { ConfigError } from '../../src/config';
import { HOUR, loadDeliverySettings, MINUTE, SECOND } from '../../src/outbox/settings';

describe('delivery settings', () => {
  it('defaults to conservative limits per platform account', () => {
    const s = loadDeliverySettings({});
    expect(s.limits.wechaty.account).toEqual([
      { max: 20, perMs: MINUTE },
      { max: 100, perMs: HOUR },
    ]);
    expect(s.limits.feishu).toEqual({
      account: [{ max: 5, perMs: SECOND }],
      group: [{ max: 50, perMs: MINUTE }],
    });
    expect(s.limits.telegram).toEqual({
      account: [{ max: 30, perMs: SECOND }],
      group: [{ max: 20, perMs: MINUTE }],
    });
    expect(s.limits.console).toBeUndefined();
    expect(s.jobLeaseMs).toBe(10 * MINUTE);
  });

  it('reads each limit from the environment, an empty value meaning the default', () => {
    const s = loadDeliverySettings({
      DELIVERY_WECHAT_PER_HOUR: '60',
      DELIVERY_WECHAT_PER_MINUTE: '',
    });
    expect(s.limits.wechaty.account).toEqual([
      { max: 20, perMs: MINUTE },
      { max: 60, perMs: HOUR },
    ]);
  });

  it('stops start-up with one line naming a bad variable', () => {
    expect(() => loadDeliverySettings({ DELIVERY_TELEGRAM_PER_SECOND: 'fast' })).toThrow(
      new ConfigError('DELIVERY_TELEGRAM_PER_SECOND: must be a whole number (got "fast")'),
    );
    expect(() => loadDeliverySettings({ DELIVERY_WECHAT_PER_HOUR: '0' })).toThrow(
      /^DELIVERY_WECHAT_PER_HOUR: /,
    );
    expect(() =>
      loadDeliverySettings({
        DELIVERY_RETRY_FIRST_SECONDS: '60',
        DELIVERY_RETRY_MAX_SECONDS: '10',
      }),
    ).toThrow(/^DELIVERY_RETRY_MAX_SECONDS/);
  });
});
