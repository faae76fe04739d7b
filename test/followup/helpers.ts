/** A customer as the follow-up rules read it; each test states only what matters to it. */
import type { FollowUpCustomer, FollowUpRecord, Task } from '../../src/followup/types';

export function customer(overrides: Partial<FollowUpCustomer> = {}): FollowUpCustomer {
  return {
    id: 'c-zhang',
    name: '张总',
    tier: 'A',
    ownerId: 'staff-wang',
    ownerName: '小王',
    optOut: false,
    visits: 8,
    totalSpend: 32000,
    preferences: [],
    followUpLog: [],
    ...overrides,
  };
}

export function done(key: string, on: string): FollowUpRecord {
  return { key, action: 'done', on };
}

export function kinds(tasks: Task[]): string[] {
  return tasks.map((t) => t.kind).sort();
}
