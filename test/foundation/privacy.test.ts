import { createLogger } from '../../src/log';
import { maskPhone, maskPhones, maskWebhookKeys } from '../../src/privacy';

describe('phone masking', () => {
  it('masks a number however staff typed it', () => {
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhones('郑总(139 1234 5678) 今晚 和 13800138000')).toBe(
      '郑总(139****5678) 今晚 和 138****8000',
    );
  });

  it('leaves amounts and dates alone', () => {
    expect(maskPhones('消费12800 2026-11-22')).toBe('消费12800 2026-11-22');
  });

  it('never lets a full number into a log line', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    log.info('visit', { text: '陈先生 13812345678 今晚 2人 880' });
    expect(lines.join('')).not.toContain('13812345678');
    expect(lines.join('')).toContain('138****5678');
  });
});

describe('phone masking, every form the parser reads', () => {
  test.each([
    ['卜总 今晚 3人 1580 159-1234-5678', '卜总 今晚 3人 1580 159****5678'],
    ['王总 010-62345678', '王总 010****5678'],
    ['陈生 +852 9123 4567', '陈生 +852****4567'],
    ['黄小姐 +886 912 345 678', '黄小姐 +886****5678'],
    ['何总 +853 6612 3456', '何总 +853****3456'],
    ['欧阳女士 8613700001111', '欧阳女士 137****1111'],
  ])('%s', (text, masked) => {
    expect(maskPhones(text)).toBe(masked);
  });
});

describe('webhook key masking', () => {
  const key = '693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';
  it('masks a group webhook key in its address and alone after 本群推送', () => {
    expect(
      maskWebhookKeys(`设置 本群推送 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`),
    ).toBe('设置 本群推送 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=••••5aaa');
    expect(maskWebhookKeys(`设置 本群推送 ${key}`)).toBe('设置 本群推送 ••••5aaa');
    expect(maskWebhookKeys('设置 本群推送 关闭')).toBe('设置 本群推送 关闭');
  });

  it('never lets a webhook key into a log line', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    log.warn('post failed', {
      url: `http://127.0.0.1:8080/cgi-bin/webhook/send?key=${key}&debug=1`,
    });
    expect(lines.join('')).not.toContain(key);
    expect(lines.join('')).toContain('key=••••5aaa&debug=1');
  });
});
