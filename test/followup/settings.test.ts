import { DEFAULT_FOLLOW_UP_SETTINGS, followUpSettingsSchema } from '../../src/followup/settings';

describe('follow-up settings', () => {
  it('ships the defaults of DOMAIN.md', () => {
    expect(DEFAULT_FOLLOW_UP_SETTINGS).toMatchObject({
      postVisit: { steps: [1, 30, 120], thenEveryDays: 90 },
      occasions: { listDaysBefore: 7, giftDaysBefore: 3, giftTiers: ['A'] },
      holidays: { callFor: ['春节', '中秋', '国庆'], callDaysBefore: 7, callTiers: ['A'] },
      churn: { A: 30, B: 45, C: 60 },
    });
    expect(DEFAULT_FOLLOW_UP_SETTINGS.holidays.greet).toHaveLength(11);
  });

  it('keeps the defaults a store did not change', () => {
    const s = followUpSettingsSchema.parse({
      churn: { A: 21 },
      occasions: { giftTiers: ['A', 'B'] },
    });
    expect(s.churn).toMatchObject({ A: 21, B: 45, C: 60 });
    expect(s.occasions).toMatchObject({ giftTiers: ['A', 'B'], giftDaysBefore: 3 });
    expect(s.postVisit.steps).toEqual([1, 30, 120]);
  });

  it.each([
    ['steps that do not increase', { postVisit: { steps: [30, 1] } }],
    ['an A threshold longer than B', { churn: { A: 60, B: 45 } }],
    ['an unknown holiday', { holidays: { callFor: ['情人节'] } }],
    ['an unknown tier', { occasions: { giftTiers: ['VIP'] } }],
  ])('rejects %s', (_why, input) => {
    expect(followUpSettingsSchema.safeParse(input).success).toBe(false);
  });
});
