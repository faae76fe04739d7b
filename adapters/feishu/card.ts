/**
 * Interactive cards for messages with `actions`: one button per action, the command in its value.
 * After a press the card is redrawn without buttons and with the pressed one marked, so nobody in
 * the group presses it a second time.
 */
import type { OutgoingMessage } from '../../src/pipeline/message';

type Actions = NonNullable<OutgoingMessage['actions']>;

const plain = (content: string) => ({ tag: 'plain_text', content });

export function actionCard(
  text: string,
  actions: Actions,
  pressed?: string,
): Record<string, unknown> {
  const body = { tag: 'div', text: plain(text) };
  const footer = pressed
    ? { tag: 'note', elements: [plain(`✅ ${pressed}`)] }
    : {
        tag: 'action',
        actions: actions.map((a, i) => ({
          tag: 'button',
          text: plain(a.label),
          type: i === 0 ? 'primary' : 'default',
          value: { command: a.command },
        })),
      };
  // update_multi: the redrawn card is shown to everyone in the chat, not only the presser.
  return { config: { wide_screen_mode: true, update_multi: true }, elements: [body, footer] };
}

/** What a sent card said, kept to redraw it after a press. */
export interface SentCard {
  text: string;
  actions: Actions;
  chatType: OutgoingMessage['chatType'];
}

export function labelOf(card: SentCard, command: string): string {
  return card.actions.find((a) => a.command === command)?.label ?? command;
}
