import { createLogger } from '../../src/log';
import { maskPhone, maskPhones } from '../../src/privacy';

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
