/** The questions managers and staff ask in chat (issue: questions, roles, privacy and stores). */
import type { Feature } from '../../pipeline/router';

export const QUERY_FEATURES: Feature[] = [];
