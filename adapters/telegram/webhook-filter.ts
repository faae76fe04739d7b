/**
 * telegraf answers a forged webhook request (wrong path, no or wrong secret token) with a bare 403
 * and says nothing. Its filter is replaceable: ours asks telegraf's and logs each refusal once,
 * with the reason and the caller's address, never the body or the token that was tried.
 */
import type { IncomingMessage } from 'node:http';
import type { Telegraf } from 'telegraf';
import type { Logger } from '../../src/log';

type Filter = Telegraf['webhookFilter'];
type FilterScope = ThisParameterType<Filter>;

const TOKEN_HEADER = 'x-telegram-bot-api-secret-token';

function reasonOf(req: IncomingMessage, scope: FilterScope): string {
  if (req.method !== 'POST') return 'not a POST';
  if (req.url !== scope.path) return 'unknown path';
  return req.headers[TOKEN_HEADER] ? 'wrong secret token' : 'no secret token';
}

export function logRejections(bot: Telegraf, log: Logger): void {
  const accepts: Filter = bot.webhookFilter;
  bot.webhookFilter = function (this: FilterScope, req: IncomingMessage) {
    if (accepts.call(this, req)) return true;
    log.warn('telegram webhook request rejected', {
      reason: reasonOf(req, this),
      from: req.socket.remoteAddress,
    });
    return false;
  };
}
