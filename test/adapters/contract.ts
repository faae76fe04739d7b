/**
 * The behaviour every chat adapter owes the bot, run against each platform through a harness that
 * drives the platform side (a fake API server, the wechaty mocker, a piped console). The bot is
 * the real one, so "a stranger is ignored" means the real pipeline ignored them.
 */
import type { Rate } from '../../adapters/shared/rate-limit';
import { HINT } from '../../src/features/fallback';
import { ChatNotOpen, type ChatAdapter, type OutgoingMessage } from '../../src/pipeline/message';
import { openBotRig, type BotRig } from './support/bot';
import { sampleFiles } from './support/files';
import { waitFor } from './support/http';

export interface Sent {
  chatId: string;
  text: string;
  /** When the platform received it (ms). */
  at: number;
}

/** A picture or file the platform received from the bot. */
export interface ReceivedFile {
  chatId: string;
  /** The file name as uploaded. */
  name: string;
  bytes: Buffer;
  /** Shown with the file; platforms without captions send it as a text message instead. */
  caption?: string;
}

export interface Say {
  from: string;
  chat: 'group' | 'direct';
  text: string;
  mention?: boolean;
}

export interface Session {
  adapter: ChatAdapter;
  staff: string;
  stranger: string;
  /** Chat id of the group both users and the bot are in (platforms with groups). */
  group?: string;
  directChat(userId: string): string;
  /** A user sends a message; `redeliver` makes the platform deliver that same message again. */
  say(s: Say): Promise<{ redeliver(): Promise<void> }>;
  /** Every text message the platform received from the bot, in order. */
  sent(): Sent[];
  /** Every picture and file the platform received from the bot, in order. */
  files?(): ReceivedFile[];
  /** After adapter.start(): whatever the platform needs before messages flow (a WeChat login). */
  started?(): Promise<void>;
  /** Drop the connection as a network failure does; resolves once the adapter is back on it. */
  dropConnection?(): Promise<void>;
  close(): Promise<void>;
}

export interface Harness {
  platform: string;
  /** The platform's message length limit; absent when it has none. */
  textLimit?: number;
  /**
   * The platform passes on only group messages that @ the bot (WeCom, DingTalk): staff @ it to
   * record in a group, and a group message without the @ never reaches the bot.
   */
  groupsSeeOnlyMentions?: boolean;
  /**
   * The platform refuses a push into a chat nobody there has messaged the bot from (WeCom). The
   * harness's direct chat with the staff member counts as spoken to; its group does not, yet.
   */
  refusesPushUntilSpoken?: boolean;
  /** Sessions implement dropConnection (the platform side holds a socket to the bot). */
  dropsConnection?: boolean;
  /** Why a group of cases does not apply to this platform. */
  skip?: Partial<
    Record<
      'groups' | 'strangers' | 'split' | 'rateLimit' | 'redelivery' | 'files' | 'reconnect',
      string
    >
  >;
  /** Start the platform side and create (not start) the adapter; `rates` replaces the account limit. */
  open(opts: { rates?: Rate[] }): Promise<Session>;
}

const VISIT = '张总 今晚 3人 消费2800';
const OTHER_VISIT = '李姐 今晚 2人 1200';
/** Network time between the limiter and the fake server, allowed when counting sends per window. */
const JITTER_MS = 80;

export function adapterContract(h: Harness): void {
  const when = (reason: string | undefined) => (reason ? it.skip : it);
  const named = (name: string, reason: string | undefined) =>
    reason ? `${name} (skipped: ${reason})` : name;

  describe(`${h.platform} adapter contract`, () => {
    let rig: BotRig;
    let s: Session;

    async function open(rates?: Rate[]) {
      s = await h.open({ rates });
      rig = await openBotRig(h.platform, s.staff);
      await s.adapter.start(rig.handlerFor(s.adapter));
      await s.started?.();
    }
    const textsIn = (chatId: string) =>
      s
        .sent()
        .filter((m) => m.chatId === chatId)
        .map((m) => m.text);
    const replies = (n: number, what: string) => waitFor(() => s.sent().length >= n, what);
    // Where only @-messages reach the bot, staff @ it to record in the group.
    const inGroup = (text: string) => ({
      chat: 'group' as const,
      text,
      mention: h.groupsSeeOnlyMentions ? true : undefined,
    });
    const direct = (text: string): OutgoingMessage => ({
      platform: h.platform,
      chatId: s.directChat(s.staff),
      chatType: 'direct',
      to: s.staff,
      text,
    });

    afterEach(async () => {
      await s?.adapter.stop();
      await s?.close();
      await rig?.close();
    });

    it('answers a visit told in a direct chat, in that chat', async () => {
      await open();
      await s.say({ from: s.staff, chat: 'direct', text: VISIT });
      await replies(1, 'the confirmation');
      expect(textsIn(s.directChat(s.staff))[0]).toMatch(/^已记录 张总/);
      expect(await rig.db.models.Visit.countDocuments()).toBe(1);
    });

    when(h.skip?.groups)(
      named('answers a visit told in a group, in the group', h.skip?.groups),
      async () => {
        await open();
        await s.say({ from: s.staff, ...inGroup(VISIT) });
        await replies(1, 'the confirmation');
        expect(s.sent()).toHaveLength(1);
        expect(textsIn(s.group!)[0]).toMatch(/^已记录 张总/);
      },
    );

    when(h.skip?.groups)(
      named('answers in a group only when @-mentioned', h.skip?.groups),
      async () => {
        await open();
        await s.say({ from: s.staff, chat: 'group', text: '你好', mention: false });
        await s.say({ from: s.staff, chat: 'group', text: '你好', mention: true });
        // The same chat is handled in order, so the answer to the second proves the first was read.
        await replies(1, 'the answer to the mention');
        expect(textsIn(s.group!)).toEqual([HINT]);
      },
    );

    const strangers = h.skip?.groups ?? h.skip?.strangers;
    when(strangers)(named('ignores a stranger in a group', strangers), async () => {
      await open();
      await s.say({ from: s.stranger, ...inGroup(VISIT) });
      await s.say({ from: s.staff, ...inGroup(OTHER_VISIT) });
      await replies(1, 'the staff member’s confirmation');
      expect(s.sent()).toHaveLength(1);
      expect(s.sent()[0].text).toMatch(/^已记录 李姐/);
      expect(await rig.db.models.Visit.countDocuments()).toBe(1);
    });

    when(h.skip?.strangers)(
      named('tells a stranger in private the id to be added with', h.skip?.strangers),
      async () => {
        await open();
        await s.say({ from: s.stranger, chat: 'direct', text: '你好' });
        await replies(1, 'the access hint');
        expect(textsIn(s.directChat(s.stranger))[0]).toContain(`${h.platform}:${s.stranger}`);
      },
    );

    when(h.skip?.split)(
      named('splits a long text at the platform limit, at line breaks', h.skip?.split),
      async () => {
        await open();
        const limit = h.textLimit!;
        const line = (i: number) => `第${i}行 `.padEnd(Math.floor(limit / 7), '客');
        const text = Array.from({ length: 24 }, (_, i) => line(i + 1)).join('\n');
        await s.adapter.send(direct(text));
        const parts = s.sent().map((m) => m.text);
        expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(text.length / limit));
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
        // Joined back with the line breaks the cuts consumed, nothing is lost or cut mid-line.
        expect(parts.join('\n')).toBe(text);
      },
    );

    when(h.skip?.rateLimit)(
      named('spaces sends to the account limit, in order, dropping none', h.skip?.rateLimit),
      async () => {
        const rate = { max: 2, perMs: 600 };
        await open([rate]);
        await Promise.all([1, 2, 3, 4, 5].map((i) => s.adapter.send(direct(`第${i}条`))));
        const sent = s.sent();
        expect(sent.map((m) => m.text)).toEqual(['第1条', '第2条', '第3条', '第4条', '第5条']);
        // No window of perMs holds more than max sends: the (i-max)th and the ith are a window apart.
        for (let i = rate.max; i < sent.length; i++) {
          expect(sent[i].at - sent[i - rate.max].at).toBeGreaterThanOrEqual(rate.perMs - JITTER_MS);
        }
      },
    );

    when(h.skip?.redelivery)(
      named('handles a redelivered message once', h.skip?.redelivery),
      async () => {
        await open();
        const first = await s.say({ from: s.staff, chat: 'direct', text: VISIT });
        await first.redeliver();
        await s.say({ from: s.staff, chat: 'direct', text: OTHER_VISIT });
        await replies(2, 'both confirmations');
        // In-order handling per chat: a second answer to the first would have come before 李姐's.
        const texts = s.sent().map((m) => m.text);
        expect(texts).toHaveLength(2);
        expect(texts[0]).toMatch(/^已记录 张总/);
        expect(texts[1]).toMatch(/^已记录 李姐/);
        expect(await rig.db.models.Visit.countDocuments()).toBe(2);
      },
    );

    when(h.skip?.files)(
      named('sends a picture and a spreadsheet with their captions, not the path', h.skip?.files),
      async () => {
        await open();
        const f = await sampleFiles();
        const chat = s.directChat(s.staff);
        await s.adapter.send({
          ...direct(`${f.chart.caption}\n图片:${f.chart.path}`),
          attachment: f.chart,
        });
        await s.adapter.send({
          ...direct(`${f.sheet.caption}\n文件:${f.sheet.path}`),
          attachment: f.sheet,
        });
        const files = s.files!();
        expect(files.map((x) => x.chatId)).toEqual([chat, chat]);
        // A picture shows no name; a file shows the one the bot gave it, not the server's.
        expect(files[1].name).toBe(f.sheet.name);
        expect(files[0].bytes.equals(f.bytes(f.chart))).toBe(true);
        expect(files[1].bytes.equals(f.bytes(f.sheet))).toBe(true);
        // Each caption reaches the chat once, on its file or as the message after it.
        const shown = [...files.map((x) => x.caption ?? ''), ...textsIn(chat)];
        expect(shown.filter((t) => t === f.chart.caption)).toHaveLength(1);
        expect(shown.filter((t) => t === f.sheet.caption)).toHaveLength(1);
        // The text version (with the server's path) is only for platforms that cannot send files.
        expect(textsIn(chat).some((t) => t.includes(f.dir))).toBe(false);
      },
    );

    when(h.skip?.files)(
      named('sends the text version when the file is gone', h.skip?.files),
      async () => {
        await open();
        const f = await sampleFiles();
        const gone = { ...f.sheet, path: `${f.dir}/已删除.xlsx` };
        await s.adapter.send({ ...direct(`${gone.caption}\n文件:${gone.path}`), attachment: gone });
        expect(s.files!()).toEqual([]);
        expect(textsIn(s.directChat(s.staff))).toEqual([`${gone.caption}\n文件:${gone.path}`]);
      },
    );

    const noDrop =
      h.skip?.reconnect ?? (h.dropsConnection ? undefined : 'this harness has no socket to drop');
    when(noDrop)(named('takes messages again after the connection dropped', noDrop), async () => {
      await open();
      await s.dropConnection!();
      await s.say({ from: s.staff, chat: 'direct', text: VISIT });
      await replies(1, 'the confirmation after the reconnect');
      expect(textsIn(s.directChat(s.staff))[0]).toMatch(/^已记录 张总/);
    });

    const pushesAnywhere = h.refusesPushUntilSpoken ? undefined : 'the platform pushes anywhere';
    const notOpen = h.skip?.groups ?? pushesAnywhere;
    when(notOpen)(
      named('keeps a refused push to send once the chat speaks to the bot', notOpen),
      async () => {
        await open();
        const briefing: OutgoingMessage = {
          platform: h.platform,
          chatId: s.group!,
          chatType: 'group',
          to: null,
          text: '今日早报',
        };
        // Refused, and said so in a way the delivery queue keeps it for: nothing is dropped.
        await expect(s.adapter.send(briefing)).rejects.toBeInstanceOf(ChatNotOpen);
        expect(s.sent()).toEqual([]);
        await s.say({ from: s.staff, ...inGroup(VISIT) });
        await replies(1, 'the confirmation');
        await s.adapter.send(briefing);
        expect(textsIn(s.group!)).toEqual([expect.stringMatching(/^已记录 张总/), '今日早报']);
      },
    );

    it('flushes queued sends on stop, and works again after start', async () => {
      await open(h.skip?.rateLimit ? undefined : [{ max: 1, perMs: 200 }]);
      const queued = [1, 2, 3].map((i) => s.adapter.send(direct(`第${i}条`)));
      await s.adapter.stop();
      expect(s.sent().map((m) => m.text)).toEqual(['第1条', '第2条', '第3条']);
      await Promise.all(queued);

      await s.adapter.start(rig.handlerFor(s.adapter));
      await s.started?.();
      await s.say({ from: s.staff, chat: 'direct', text: VISIT });
      await replies(4, 'the confirmation after restart');
      expect(s.sent()[3].text).toMatch(/^已记录 张总/);
    });
  });
}
