/** Where there are no buttons, each action becomes a line saying what to send. */
import type { OutgoingMessage } from '../../src/pipeline/message';

export function withActionsAsText(msg: Pick<OutgoingMessage, 'text' | 'actions'>): string {
  if (!msg.actions?.length) return msg.text;
  return [msg.text, ...msg.actions.map((a) => `· ${a.label}: 回复「${a.command}」`)].join('\n');
}
