/**
 * Template cards for messages with `actions` (the follow-up list's 已回访 / 跳过 / 改天): one
 * button per action, the command in its key. After a press the card is redrawn with the pressed
 * one marked and nothing left to press, so nobody in the group presses it a second time.
 */
import { randomBytes } from 'node:crypto';
import type { TemplateCard } from '@wecom/aibot-node-sdk';
import type { OutgoingMessage } from '../../src/pipeline/message';
import { Recent } from '../shared/recent';

type Actions = NonNullable<OutgoingMessage['actions']>;

/** A button_interaction card holds at most 6 buttons; a key at most 1,024 bytes. */
export const MAX_BUTTONS = 6;
const MAX_KEY_BYTES = 1024;
const PRESSED = 'pressed';
const TITLE_LIMIT = 26;

/** The command travels in the key, so a press still works after a restart; a long one is kept. */
export class CardKeys {
  private readonly kept = new Recent<string>(10_000);
  private seq = 0;
  private readonly boot = randomBytes(3).toString('hex');

  keyFor(command: string): string {
    const inline = `c:${command}`;
    if (Buffer.byteLength(inline) <= MAX_KEY_BYTES) return inline;
    const key = `k:${this.boot}:${(this.seq++).toString(36)}`;
    this.kept.set(key, command);
    return key;
  }

  commandOf(key: string): string | undefined {
    if (key === PRESSED) return undefined;
    if (key.startsWith('c:')) return key.slice(2);
    return this.kept.get(key);
  }
}

export const newTaskId = () => `ht_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

function titled(text: string): Pick<TemplateCard, 'main_title' | 'sub_title_text'> {
  const [first, ...rest] = text.split('\n');
  const title = first.length <= TITLE_LIMIT ? first : `${first.slice(0, TITLE_LIMIT - 1)}…`;
  const sub = first.length <= TITLE_LIMIT ? rest.join('\n') : text;
  return { main_title: { title }, ...(sub ? { sub_title_text: sub } : {}) };
}

export function actionCard(
  text: string,
  actions: Actions,
  keys: CardKeys,
  taskId: string,
): TemplateCard {
  return {
    card_type: 'button_interaction',
    ...titled(text),
    button_list: actions
      .slice(0, MAX_BUTTONS)
      .map((a, i) => ({ text: a.label, style: i === 0 ? 1 : 2, key: keys.keyFor(a.command) })),
    task_id: taskId,
  };
}

/** The card after a press: the same text, and one inert button saying what was done. */
export function pressedCard(text: string, label: string, taskId: string): TemplateCard {
  return {
    card_type: 'button_interaction',
    ...titled(text),
    button_list: [{ text: `✅ ${label}`, style: 4, key: PRESSED }],
    task_id: taskId,
  };
}

/** What a sent card said, kept to redraw it after a press. */
export interface SentCard {
  text: string;
  actions: Actions;
}

export function labelOf(card: SentCard | undefined, command: string): string {
  return card?.actions.find((a) => a.command === command)?.label ?? command;
}
