/**
 * Personal WeChat through wechaty. The session is kept in DATA_DIR (wechaty's memory card), so a
 * restart usually needs no new scan; a logout is logged and the login retried with backoff.
 * Personal accounts get flagged for sending too much, so sends are held to 20 a minute and 100 an
 * hour, queued, never dropped. Pictures and files go as a FileBox, the caption after them.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FileBox } from 'file-box';
import {
  ScanStatus,
  WechatyBuilder,
  type Message,
  type Wechaty,
  type WechatyOptions,
} from 'wechaty';
import type { Logger } from '../../src/log';
import {
  ChatGone,
  type Attachment,
  type ChatAdapter,
  type OutgoingMessage,
} from '../../src/pipeline/message';
import { createBackoff, type Backoff } from '../shared/backoff';
import { createIntake } from '../shared/intake';
import { createOutbox, FileRefused } from '../shared/outbox';
import { bucketsOf, HOUR, MINUTE, type Rate } from '../shared/rate-limit';
import { splitText } from '../shared/split';
import { fromWechatMessage, WECHATY } from './incoming';
import { LoginGate, removeLoginQr, showLoginQr } from './login';
import type { WechatySettings } from './settings';
import { withActionsAsText } from '../shared/actions-text';

export const WECHAT_TEXT_LIMIT = 2000;
/** Seed 000: accounts were blacklisted after ~100 messages in an hour. Stay well clear. */
export const WECHAT_RATES: Rate[] = [
  { max: 20, perMs: MINUTE },
  { max: 100, perMs: HOUR },
];

export interface WechatyAdapterOptions extends WechatySettings {
  dataDir: string;
  log: Logger;
  rates?: Rate[];
  /** A puppet instance instead of the named package (tests use wechaty-puppet-mock). */
  puppetInstance?: WechatyOptions['puppet'];
  /** Where the login QR code is drawn; stderr by default (stdout belongs to the console). */
  terminal?: (text: string) => void;
  backoff?: Backoff;
}

export function createWechatyAdapter(opts: WechatyAdapterOptions): ChatAdapter {
  const { log } = opts;
  const dataDir = resolve(opts.dataDir);
  const terminal = opts.terminal ?? ((text: string) => void process.stderr.write(text));
  const backoff = opts.backoff ?? createBackoff(5000, 10 * MINUTE);
  const intake = createIntake(log);
  const gate = new LoginGate();
  const buckets = bucketsOf(opts.rates ?? WECHAT_RATES);
  let bot: Wechaty | undefined;
  let stopping = false;
  let retry: NodeJS.Timeout | undefined;

  const targetOf = async (msg: OutgoingMessage) => {
    await gate.wait();
    const target =
      msg.chatType === 'group'
        ? await bot!.Room.find({ id: msg.chatId })
        : await bot!.Contact.find({ id: msg.chatId });
    // Logged in and still not found: the id is from before a re-login, and it will not come back.
    if (!target) throw new ChatGone(`wechat ${msg.chatType} ${msg.chatId} not found`);
    return target;
  };

  /** A send failing to a handle wechaty still holds: asked afresh, a gone id finds nothing. */
  const say = async (msg: OutgoingMessage, content: string | FileBox) => {
    const target = await targetOf(msg);
    try {
      await target.say(content);
    } catch (err) {
      const gone = await target.sync().then(
        () => false,
        () => true,
      );
      if (gone) throw new ChatGone(`wechat ${msg.chatType} ${msg.chatId} not found`);
      throw err;
    }
  };

  /** WeChat has no captions: the file, then the caption as a message under it. */
  const deliverFile = async (msg: OutgoingMessage, file: Attachment, take: () => Promise<void>) => {
    const bytes = await readFile(file.path).catch((err: Error) => {
      throw new FileRefused(err.message);
    });
    await take();
    // Base64 rather than a path: token puppets send the box to their service as JSON, and a
    // local-file box cannot be serialised. The name is the one the recipient sees.
    await say(msg, FileBox.fromBase64(bytes.toString('base64'), file.name));
    for (const text of file.caption ? splitText(file.caption, WECHAT_TEXT_LIMIT) : []) {
      await take();
      await say(msg, text);
    }
  };

  const outbox = createOutbox({
    textLimit: WECHAT_TEXT_LIMIT,
    bucketsFor: () => buckets,
    deliver: (msg, part) => say(msg, part.text),
    deliverFile,
    log,
  });

  const restartLater = () => {
    if (stopping || retry) return;
    const wait = backoff.next();
    log.warn('wechat not logged in, restarting', { retryMs: wait });
    retry = setTimeout(async () => {
      retry = undefined;
      if (stopping || gate.loggedIn) return;
      try {
        await bot!.stop();
        await bot!.start();
      } catch (err) {
        log.error('wechat restart failed', { error: (err as Error).message });
        restartLater();
      }
    }, wait);
  };

  const build = (): Wechaty => {
    const b = WechatyBuilder.build({
      // The memory card (the login session) lives in DATA_DIR so a restart can log in again by itself.
      name: resolve(dataDir, 'wechat-session'),
      ...(opts.puppetInstance
        ? { puppet: opts.puppetInstance }
        : {
            puppet: opts.puppet as never,
            puppetOptions: opts.puppetToken ? { token: opts.puppetToken } : undefined,
          }),
    });
    b.on('scan', (qrcode, status) => {
      if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) return;
      showLoginQr(qrcode, dataDir, terminal)
        .then((png) => log.warn('wechat needs a QR scan to log in', { png }))
        .catch((err: Error) => log.error('wechat QR code failed', { error: err.message }));
    });
    b.on('login', (user) => {
      log.info('wechat logged in', { user: user.name() });
      backoff.reset();
      gate.open();
      void removeLoginQr(dataDir);
    });
    b.on('logout', (user, reason) => {
      log.warn('wechat logged out', { user: user.name(), reason });
      gate.close();
      restartLater();
    });
    b.on('error', (err) => log.warn('wechat error', { error: err.message }));
    b.on('message', (m: Message) => {
      fromWechatMessage(m)
        .then((msg) => msg && intake.take(msg))
        .catch((err: Error) => log.warn('wechat message unreadable', { error: err.message }));
    });
    return b;
  };

  return {
    platform: WECHATY,
    async start(handler) {
      stopping = false;
      intake.open(handler);
      bot ??= build();
      await bot.start();
      log.info('wechat started', { puppet: opts.puppetInstance ? 'instance' : opts.puppet });
    },
    send: (msg) => outbox.send({ ...msg, text: withActionsAsText(msg), actions: undefined }),
    async stop() {
      stopping = true;
      clearTimeout(retry);
      retry = undefined;
      intake.close();
      await intake.drain();
      // Logged out, nothing can go out: say so instead of waiting for a scan that may never come.
      if (!gate.loggedIn && outbox.pending > 0)
        log.warn('wechat logged out, unsent messages dropped at stop', { count: outbox.pending });
      gate.abandon(new Error('wechat logged out'));
      await outbox.flush();
      await bot?.stop();
      gate.close();
    },
  };
}
