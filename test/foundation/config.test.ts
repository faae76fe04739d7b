import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('fills the documented defaults and picks the console without platform credentials', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      dataDir: './data',
      timeZone: 'Asia/Shanghai',
      businessDayCutoff: '05:00',
      briefingTime: '09:30',
      adapters: ['console'],
      consoleStaff: { role: 'manager' },
    });
    expect(c.mongodbUri).toBeUndefined();
  });

  it('serves /healthz and /metrics only when STATUS_PORT is set, on 127.0.0.1 by default', () => {
    expect(loadConfig({}).status).toBeUndefined();
    expect(loadConfig({ STATUS_PORT: '' }).status).toBeUndefined();
    expect(loadConfig({ STATUS_PORT: '9464' }).status).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(loadConfig({ STATUS_PORT: '9464', STATUS_HOST: '0.0.0.0' }).status?.host).toBe(
      '0.0.0.0',
    );
  });

  it('chooses the platforms whose credentials are set', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc' }).adapters).toEqual(['telegram']);
    expect(loadConfig({ WECOM_BOT_ID: 'aib', WECOM_BOT_SECRET: 's' }).adapters).toEqual(['wecom']);
    // An id without its secret is not a platform to start.
    expect(loadConfig({ WECOM_BOT_ID: 'aib' }).adapters).toEqual(['console']);
    expect(
      loadConfig({ DINGTALK_CLIENT_ID: 'ding1', DINGTALK_CLIENT_SECRET: 's' }).adapters,
    ).toEqual(['dingtalk']);
    expect(loadConfig({ ADAPTERS: 'WeCom, dingtalk' }).adapters).toEqual(['wecom', 'dingtalk']);
  });

  it.each([
    ['TZ_STORE', 'Mars/Olympus'],
    ['BUSINESS_DAY_CUTOFF', '25:00'],
    ['BRIEFING_TIME', '9点半'],
    ['MONGODB_URI', 'http://localhost'],
    ['ADAPTERS', 'console,qq'],
    ['CONSOLE_STAFF_ROLE', 'boss'],
    ['EMBEDDED_DB_PORT', 'abc'],
    ['STATUS_PORT', '99999'],
    ['STATUS_PORT', 'metrics'],
    ['STATUS_HOST', 'http://0.0.0.0/'],
  ])('rejects a bad %s with one line naming it', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith(`${name}:`)).toBe(true);
    expect(message).not.toContain('\n');
  });
});
