/**
 * Where there are no buttons, each action becomes a line saying what to send. Buttons for the
 * lines of a list (grouped) would repeat every line: one example stands for them.
 */
import type { OutgoingMessage } from '../../src/pipeline/message';
import { actionGroups } from './outbox';

export function withActionsAsText(msg: Pick<OutgoingMessage, 'text' | 'actions'>): string {
  const loose = (msg.actions ?? []).filter((a) => !a.group);
  const lines = loose.map((a) => `· ${a.label}: 回复「${a.command}」`);
  const [example] = actionGroups(msg.actions).values();
  if (example) lines.push(`· 回复「${example.map((a) => a.command).join('」「')}」,其他客人一样`);
  return lines.length ? [msg.text, ...lines].join('\n') : msg.text;
}
