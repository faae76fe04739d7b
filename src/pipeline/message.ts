/** The neutral message model: adapters translate their platform to and from these shapes. */

export type ChatType = 'group' | 'direct';

export interface IncomingMessage {
  platform: string;
  chatId: string;
  chatType: ChatType;
  /** Platform user id of the sender. */
  senderId: string;
  senderName?: string;
  /**
   * What the bot's own account calls the sender (WeChat's 备注) and the group's name, where the
   * platform has them: after a WeChat re-login the ids change and these are what stays the same.
   */
  senderAlias?: string;
  chatName?: string;
  text: string;
  /** The bot was @-mentioned (group chats). */
  mentioned: boolean;
  /** Platform message id; the same id twice is one message. */
  messageId: string;
  time: Date;
  /** A document sent with the message (direct chats, where the platform passes files on). */
  file?: IncomingFile;
}

/**
 * A file someone sent the bot. The bytes stay on the platform until a feature asks for them: only
 * an admin's sheet is ever fetched, not every document anyone sends.
 */
export interface IncomingFile {
  /** The name the sender gave it: `客户档案.xlsx`. */
  name: string;
  /** Bytes, when the platform says before downloading. */
  size?: number;
  /** Download the bytes to `path` on this machine. */
  saveTo(path: string): Promise<void>;
}

/**
 * A picture or a file to send with a message. Platforms that can send it do, with `caption`;
 * the others send the message's text, which must then stand on its own (the numbers, or a path).
 */
export interface Attachment {
  kind: 'image' | 'file';
  /** Where the bytes are on this machine: outbox rows keep the path, not the bytes. */
  path: string;
  /** File name the recipient sees: `客户_2026-11.xlsx`. */
  name: string;
  caption: string;
}

export interface OutgoingMessage {
  platform: string;
  chatId: string;
  chatType: ChatType;
  /** Platform user id addressed in a direct chat, null in a group. */
  to: string | null;
  text: string;
  /**
   * Buttons where the platform has them (Feishu cards, Telegram inline keyboards, WeCom template
   * cards). Pressing one comes back as an IncomingMessage whose text is `command`, from the
   * person who pressed it, so features never know a button from typing.
   */
  actions?: Action[];
  attachment?: Attachment;
  /**
   * Queue it under this delivery key instead of one of the reply's own: a queued message moved to
   * a new chat id is queued once, whichever path (confirmation or give-up) moves it.
   */
  deliveryKey?: string;
}

export interface Action {
  label: string;
  command: string;
  /**
   * The line of the message this button acts on (`1. 张总(A) 回访·第3天`): buttons of one group
   * go out as their own card under the text, one card per customer, so a press says whom it
   * was for and no card holds more buttons than a platform allows.
   */
  group?: string;
}

/** The reply to a message goes back where it came from. */
export function replyTo(msg: IncomingMessage, text: string): OutgoingMessage {
  return {
    platform: msg.platform,
    chatId: msg.chatId,
    chatType: msg.chatType,
    to: msg.chatType === 'direct' ? msg.senderId : null,
    text,
  };
}

/** A direct message to a staff member on the first platform they are known on. */
export function directTo(staff: { identities: string[] }, text: string): OutgoingMessage {
  const [platform, ...rest] = (staff.identities[0] ?? ':').split(':');
  const userId = rest.join(':');
  return { platform, chatId: userId, chatType: 'direct', to: userId, text };
}

/**
 * What an adapter may look up in the bot's records while it sends, handed over by start(): the
 * adapters themselves keep no records.
 */
export interface AdapterLookups {
  /** The push webhook key an admin set for this team group (`设置 本群推送`), if any. */
  groupPushKey(platform: string, chatId: string): Promise<string | undefined>;
}

/** A chat adapter: one per platform, created by a factory in adapters/<platform>. */
export interface ChatAdapter {
  readonly platform: string;
  start(
    onMessage: (msg: IncomingMessage) => Promise<void>,
    lookups?: AdapterLookups,
  ): Promise<void>;
  send(msg: OutgoingMessage): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the adapter has no more input (the console on a piped stdin). */
  readonly finished?: Promise<void>;
}

/**
 * The platform refused a message it will take later: WeCom lets a bot push only into a chat that
 * has messaged it lately. The message stays queued (never given up) and the store's admins are
 * told once a day which chat is waiting, so someone there can speak to the bot.
 */
export class ChatNotOpen extends Error {
  readonly waitsForChat = true;
  /** What the admins are told: the chat has to speak to the bot, or its group push failed too. */
  readonly waitReason: WaitReason;

  constructor(message: string, opts: ErrorOptions & { reason?: WaitReason } = {}) {
    super(message, opts);
    this.waitReason = opts.reason ?? 'chat-closed';
  }
}

/**
 * `group-push-failed`: the group's push webhook (`设置 本群推送`) was tried as well and refused,
 * so a wrong or removed webhook is what stands in the way.
 */
export type WaitReason = 'chat-closed' | 'group-push-failed';

export const waitReasonOf = (err: unknown): WaitReason =>
  (err as { waitReason?: WaitReason } | undefined)?.waitReason ?? 'chat-closed';

export const waitsForChat = (err: unknown): boolean =>
  (err as { waitsForChat?: unknown } | undefined)?.waitsForChat === true;

/**
 * The chat is not there any more: WeChat gives every contact and group a new id after a re-login,
 * and the old one finds nothing. Retrying does not bring it back, so the message is given up after
 * a few tries (outbox/send.ts) and moved once an admin confirms the new id (archive/rebind).
 */
export class ChatGone extends Error {
  readonly chatGone = true;
}

export const isChatGone = (err: unknown): boolean =>
  (err as { chatGone?: unknown } | undefined)?.chatGone === true;
