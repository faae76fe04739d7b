/**
 * Issue 15, namesakes: every command with a customer argument finds the customer among the
 * sender's own first, then the store; takes a phone (whole or its last four digits) instead of or
 * beside the name; and asks the numbered list when still unsure, the answer running the command.
 * Replayed in a direct chat and in the team group (@-mentioned, or in the command's own form).
 */
import { openScenario, type Scenario } from '../support/replay';
import { staff, tick } from '../support/events';
import type { ReplayOutput } from '../../src/replay/replayer';

const MORNING = '2026-11-23T09:30:00+08:00';
const LATER = '2026-11-23T11:00:00+08:00';
const WANG_PHONE = '13800138000';
const LI_PHONE = '13911112222';

type Where = 'direct' | 'group @' | 'group';
const from =
  (where: Where) =>
  (who: string, text: string, now = LATER) =>
    where === 'direct'
      ? { now, from: who, text }
      : where === 'group @'
        ? {
            now,
            from: who,
            chat: 'g1',
            chatType: 'group',
            text: `@回头客 ${text}`,
            mentioned: true,
          }
        : { now, from: who, chat: 'g1', chatType: 'group', text };
const dm = from('direct');
const inGroup = from('group');
const texts = (out: ReplayOutput[]) => out.map((o) => o.text);

/** 小王's 张总 (138…8000) and 小李's 张总 (139…2222), both in last night; the morning run done. */
async function twoZhang(): Promise<Scenario> {
  const s = await openScenario();
  await s.run(
    staff('wang', '小王'),
    staff('li', '小李'),
    staff('boss', '陈店长', 'manager'),
    { group: { id: 'g1', name: '前厅群' } },
    dm('wang', `张总 今晚 3人 消费2800 ${WANG_PHONE}`, '2026-11-22T21:00:00+08:00'),
    dm('li', `张总 今晚 2人 消费1200 ${LI_PHONE}`, '2026-11-22T21:10:00+08:00'),
    tick(MORNING),
  );
  return s;
}

describe('two 张总: one of 小王, one of 小李', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await twoZhang();
  });
  afterEach(() => s.close());

  const byPhone = (phone: string) => s.db.models.Customer.findOne({ phones: phone }).lean();
  const actions = async (phone: string) => (await byPhone(phone))?.followUps.map((f) => f.action);
  const ownerName = async (phone: string) => {
    const c = await byPhone(phone);
    return (await s.db.models.Staff.findById(c?.ownerId).lean())?.name;
  };

  describe.each<Where>(['direct', 'group @', 'group'])('in a %s chat', (where) => {
    const say = from(where);

    it("已回访 张总 from 小王 closes 小王's 张总, the one on his list", async () => {
      const [reply] = await s.say(say('wang', '已回访 张总 很满意'));
      expect(reply).toBe('已记录回访 张总(致谢回访):很满意');
      expect(await actions(WANG_PHONE)).toEqual(['done']);
      expect(await actions(LI_PHONE)).toEqual([]);
    });

    it('已回访 张总 <phone> closes the one with that phone; the phone is not the note', async () => {
      const [reply] = await s.say(say('wang', `已回访 张总 ${LI_PHONE} 很满意`));
      expect(reply).toMatch(/^已记录回访 张总.*:很满意$/);
      const li = await byPhone(LI_PHONE);
      expect(li?.followUps).toEqual([expect.objectContaining({ action: 'done', note: '很满意' })]);
      expect(await actions(WANG_PHONE)).toEqual([]);
    });

    it('已回访 <phone> and 已回访 <last four digits> need no name', async () => {
      expect((await s.say(say('wang', `已回访 ${LI_PHONE}`)))[0]).toMatch(/^已记录回访 张总/);
      expect(await actions(LI_PHONE)).toEqual(['done']);
      expect((await s.say(say('li', '已回访 8000 很满意')))[0]).toMatch(
        /^已记录回访 张总.*很满意$/,
      );
      expect(await actions(WANG_PHONE)).toEqual(['done']);
    });

    it('跳过 and rescheduling find the customer by phone or tail too', async () => {
      expect(await s.say(say('wang', `跳过 ${WANG_PHONE}`))).toEqual(['已跳过 张总 的致谢回访']);
      expect(await actions(WANG_PHONE)).toEqual(['skipped']);
      expect(await s.say(say('li', '张总 周五再联系'))).toEqual([
        '好的,张总 的致谢回访改到 11月27日(周五)',
      ]);
      expect(await actions(LI_PHONE)).toEqual(['moved']);
    });

    it('a manager is asked which 张总, and the number runs the transfer', async () => {
      const [question] = await s.say(say('boss', '把张总转给小李'));
      expect(question.split('\n')).toEqual([
        '有2位张总,是哪位?回复数字',
        '1. 张总 · 138****8000 · 小王的客户 · 上次11月22日',
        '2. 张总 · 139****2222 · 小李的客户 · 上次11月22日',
      ]);
      expect(await ownerName(WANG_PHONE)).toBe('小王');
      // In the group the answer is a bare number, as when recording.
      const out = await s.run(where === 'direct' ? say('boss', '1') : inGroup('boss', '1'));
      expect(texts(out)).toEqual(['已把张总转给小李', '陈店长把张总转给了你,以后由你跟进']);
      expect(await ownerName(WANG_PHONE)).toBe('小李');
      expect(await s.db.models.Draft.countDocuments()).toBe(0);
    });

    it('把<phone>转给小李 moves the one with that phone', async () => {
      expect((await s.say(say('boss', `把${WANG_PHONE}转给小李`)))[0]).toBe('已把张总转给小李');
      expect(await ownerName(WANG_PHONE)).toBe('小李');
      expect(await ownerName(LI_PHONE)).toBe('小李');
    });

    it('查 <phone> and 查 张总 <phone> show that card, masked in a group', async () => {
      const [card] = await s.say(say('boss', `查 ${LI_PHONE}`));
      expect(card).toMatch(/^张总 · /);
      expect(card).toContain('小李的客户');
      expect(card).toContain(where === 'direct' ? LI_PHONE : '139****2222');
      const [again] = await s.say(say('boss', `查 张总 ${WANG_PHONE}`));
      expect(again).toContain('小王的客户');
      // Looking up is no profile note: the phone stays with its own 张总.
      expect((await byPhone(LI_PHONE))?.phones).toEqual([LI_PHONE]);
      expect((await byPhone(WANG_PHONE))?.phones).toEqual([WANG_PHONE]);
    });

    it("查 张总 shows the sender's own; a manager picks from the list", async () => {
      const [own] = await s.say(say('li', '查 张总'));
      expect(own).toContain('小李的客户');
      const [question] = await s.say(say('boss', '查 张总'));
      expect(question).toMatch(/^有2位张总,是哪位\?回复数字\n1\. .*\n2\. .*$/);
      const [card] = await s.say(say('boss', '2'));
      expect(card).toMatch(/^张总 · .*\n.*小李的客户/);
    });

    it('撤销 张总 by a manager asks which, and undoes the chosen one', async () => {
      expect((await s.say(say('boss', '撤销 张总')))[0]).toMatch(/^有2位张总/);
      expect((await s.say(say('boss', '2')))[0]).toMatch(
        /^已撤销 张总 11月22日 ¥1,200\n张总的档案是这条新建的/,
      );
      const undone = await s.db.models.Visit.find({ status: 'undone' }).lean();
      expect(undone.map((v) => v.amount)).toEqual([1200]);
    });

    it('撤销 张总 <tail> needs no question', async () => {
      expect((await s.say(say('boss', '撤销 张总 8000')))[0]).toMatch(
        /^已撤销 张总 11月22日 ¥2,800/,
      );
    });

    it("张总 不吃香菜 is noted on the sender's own 张总; a manager is asked", async () => {
      expect((await s.say(say('wang', '张总 不吃香菜')))[0]).toContain('不吃香菜');
      expect((await byPhone(WANG_PHONE))?.preferences).toEqual(['不吃香菜']);
      expect((await byPhone(LI_PHONE))?.preferences).toEqual([]);
      const [question] = await s.say(say('boss', '张总 喜欢靠窗'));
      expect(question).toMatch(/^有2位张总/);
      await s.run(say('boss', '2'));
      expect((await byPhone(LI_PHONE))?.preferences).toEqual(['喜欢靠窗']);
    });
  });

  it('last four digits two customers share are asked about; a wrong number is re-asked', async () => {
    await s.run(dm('wang', '赵总 今晚 2人 900 13700008000', '2026-11-22T21:20:00+08:00'));
    const [question] = await s.say(dm('boss', '查 尾号8000'));
    expect(question.split('\n')[0]).toBe('有2位尾号8000的客人,是哪位?回复数字');
    expect(await s.say(dm('boss', '5'))).toEqual(['回复 1 到 2 的数字;不办了请回「算了」']);
    expect(await s.say(dm('boss', '算了'))).toEqual(['好的,这条不办了']);
    expect(await s.db.models.Draft.countDocuments()).toBe(0);
  });

  it('a phone nobody has finds nobody, rather than guessing', async () => {
    expect(await s.say(dm('wang', '已回访 13600000000'))).toEqual([
      '没有找到电话13600000000的客人',
    ]);
    expect(await s.say(inGroup('wang', '查 13600000000'))).toEqual(['还没有这位客人的档案']);
  });
});

describe('合并 in either order', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await twoZhang();
  });
  afterEach(() => s.close());

  const live = () => s.db.models.Customer.find({ mergedInto: { $exists: false } }).lean();

  it.each<Where>(['direct', 'group @', 'group'])(
    '合并 张总 <phone> in a %s chat merges the phone into the other 张总',
    async (where) => {
      const [reply] = await s.say(from(where)('boss', `合并 张总 ${LI_PHONE}`));
      expect(reply).toContain('张总 并入 张总,共2次消费 ¥4,000');
      const [kept] = await live();
      expect(kept.phones).toEqual([WANG_PHONE, LI_PHONE]);
      expect(await s.db.models.Visit.countDocuments({ customerId: kept._id })).toBe(2);
      const stayed = await s.db.models.Staff.findById(kept.ownerId).lean();
      expect(stayed?.name).toBe('小王');
    },
  );

  it('合并 <phone> 张总 keeps the archive with the phone', async () => {
    const li = await s.db.models.Customer.findOne({ phones: LI_PHONE }).lean();
    await s.run(dm('boss', `合并 ${LI_PHONE} 张总`));
    const [kept] = await live();
    expect(kept._id).toEqual(li!._id);
    expect(kept.phones).toEqual([LI_PHONE, WANG_PHONE]);
    expect(kept.stats?.visits).toBe(2);
  });

  it('合并 张总 张总 asks for each in turn', async () => {
    expect((await s.say(dm('boss', '合并 张总 张总')))[0]).toMatch(/^有2位张总/);
    expect((await s.say(dm('boss', '2')))[0]).toMatch(/^已合并: 张总 并入 张总/);
    const remaining = await live();
    expect(remaining).toHaveLength(1);
    expect(remaining[0].phones).toEqual([LI_PHONE, WANG_PHONE]);
  });
});
