import { SCRIPTS, SELLING_WORDS, type ScriptKind } from '../../src/followup/scripts';
import { tasksFor } from '../../src/followup/tasks';
import { addDays } from '../../src/time/business-day';
import { fill, likedThing, scriptFor } from '../../src/followup/wording';
import { customer } from './helpers';

// Every slot filled, so every template is checked in the form staff would read it.
const FULL = {
  name: '李姐',
  intro: '我是海天阁的小王,',
  when: '昨天',
  last: '11月2日',
  liked: '茅台',
  room: '牡丹厅',
  party: '6位',
  holiday: '中秋',
  meal: '团圆饭',
  wish: '中秋快乐',
  soon: '明天就是中秋了',
  occasion: '生日',
  date: '11月28日',
  gift: '生日蛋糕',
  years: '10周年',
};

const GREETINGS: ScriptKind[] = [
  'birthdayGreeting',
  'weddingGreeting',
  'companyGreeting',
  'holidayGreeting',
];

describe('话术', () => {
  it.each(GREETINGS)('%s never sells', (kind) => {
    for (const t of SCRIPTS[kind]) {
      const text = fill(t, FULL);
      for (const w of SELLING_WORDS) expect([text, text.includes(w)]).toEqual([text, false]);
    }
  });

  it('greeting tasks for a customer the archive knows a lot about still never sell', () => {
    const c = customer({
      name: '李姐',
      usualRoom: '牡丹厅',
      usualPartySize: 6,
      preferences: ['喜欢茅台'],
      lastVisit: '2027-09-01',
      birthday: { calendar: 'solar', month: 9, day: 14 },
    });
    const greetings = tasksFor(c, '2027-09-14').filter((t) => t.channel === 'message');
    expect(greetings.map((t) => t.title).sort()).toEqual(['中秋祝福', '生日祝福']);
    for (const g of greetings) for (const w of SELLING_WORDS) expect(g.script).not.toContain(w);
  });

  it('asks how it was in every thank-you, and about a room in every holiday call', () => {
    for (const t of SCRIPTS.thanks) expect(fill(t, FULL)).toMatch(/[??]/);
    for (const t of SCRIPTS.holidayCall) expect(fill(t, FULL)).toMatch(/留/);
  });

  it('speaks in the owner’s voice with what the archive knows', () => {
    const c = customer({ lastVisit: '2026-03-10', usualRoom: '牡丹厅', preferences: ['喜欢茅台'] });
    const scripts = Array.from({ length: 10 }, (_, i) => customer({ ...c, id: `c${i}` })).map(
      (x) => tasksFor(x, '2026-03-11', undefined, { storeName: '海天阁' })[0].script,
    );
    for (const s of scripts) expect(s).toContain('张总');
    for (const s of scripts) expect(s).toContain('我是海天阁的小王');
    expect(scripts.some((s) => s.includes('牡丹厅') || s.includes('茅台'))).toBe(true);
  });

  it('is the same when asked twice and varies from day to day', () => {
    // The day-30 call, open (overdue) for a week.
    const thanked = [{ key: 'visit:2026-03-10:0', action: 'done' as const, on: '2026-03-11' }];
    const c = customer({
      lastVisit: '2026-03-10',
      preferences: ['喜欢茅台'],
      followUpLog: thanked,
    });
    const on = (day: string) => tasksFor(c, day)[0].script;
    expect(on('2026-04-10')).toBe(on('2026-04-10'));
    const week = new Set(Array.from({ length: 7 }, (_, i) => on(addDays('2026-04-10', i))));
    expect(week.size).toBeGreaterThan(1);
  });

  it('never uses a template whose facts the archive lacks', () => {
    for (let i = 0; i < 30; i++) {
      const s = scriptFor('revisit', { name: '张总', intro: '', last: '11月2日' }, `seed${i}`);
      expect(s).not.toMatch(/[{}]|喜欢|undefined/);
      expect(s).toContain('张总');
    }
  });

  it('does not take a taboo or an allergy for something the customer likes', () => {
    expect(likedThing(['不吃辣', '海鲜过敏', '喜欢茅台'])).toBe('茅台');
    expect(likedThing(['不吃辣', '忌口香菜'])).toBeUndefined();
    expect(likedThing(['靠窗'])).toBe('靠窗');
  });
});
