/** The replay scenario format: one JSON object per line (see README, "Replay"). */
import { z } from 'zod';

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO time');

export const staffEvent = z.object({
  staff: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    role: z.enum(['staff', 'manager', 'admin']).default('staff'),
  }),
});

export const groupEvent = z.object({
  group: z.object({ id: z.string().min(1), name: z.string().default('') }),
});

export const tickEvent = z.object({ now: instant, tick: z.literal(true) });

export const messageEvent = z.object({
  now: instant.optional(),
  from: z.string().min(1),
  chat: z.string().optional(),
  chatType: z.enum(['group', 'direct']).default('direct'),
  id: z.union([z.string(), z.number()]).optional(),
  mentioned: z.boolean().default(false),
  text: z.string().default(''),
  /** A document sent with the message: its name, and where its bytes are on this machine. */
  file: z.object({ name: z.string().min(1), path: z.string().min(1) }).optional(),
});

export type ReplayEvent =
  | { kind: 'staff'; staff: z.infer<typeof staffEvent>['staff'] }
  | { kind: 'group'; group: z.infer<typeof groupEvent>['group'] }
  | { kind: 'tick'; now: string }
  | { kind: 'message'; message: z.infer<typeof messageEvent> };

/** Read one input line; throws with a short reason when it is none of the known events. */
export function readEvent(raw: unknown): ReplayEvent {
  if (raw && typeof raw === 'object') {
    if ('staff' in raw) return { kind: 'staff', staff: staffEvent.parse(raw).staff };
    if ('group' in raw) return { kind: 'group', group: groupEvent.parse(raw).group };
    if ('tick' in raw) return { kind: 'tick', now: tickEvent.parse(raw).now };
    if ('text' in raw || 'file' in raw)
      return { kind: 'message', message: messageEvent.parse(raw) };
  }
  throw new Error('not a staff, group, tick or message event');
}
