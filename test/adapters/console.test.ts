import { PassThrough, Writable } from 'node:stream';
import { CONSOLE_USER, createConsoleAdapter } from '../../adapters/console';
import { adapterContract, type Sent } from './contract';

adapterContract({
  platform: 'console',
  skip: {
    groups: 'the console is one direct chat with the local staff member',
    strangers: 'whoever types at the console is the local staff member',
    split: 'a terminal has no message length limit',
    rateLimit: 'a local terminal has no sending limit',
    redelivery: 'console lines carry no platform message id; every line is a new message',
  },
  async open() {
    const input = new PassThrough();
    const sent: Sent[] = [];
    // One write is one message (a reply may span several lines).
    const output = new Writable({
      write(chunk: Buffer, _enc, done) {
        sent.push({ chatId: CONSOLE_USER, text: String(chunk).replace(/\n$/, ''), at: Date.now() });
        done();
      },
    });
    return {
      adapter: createConsoleAdapter({ input, output }),
      staff: CONSOLE_USER,
      stranger: CONSOLE_USER,
      directChat: () => CONSOLE_USER,
      async say({ text }) {
        input.write(`${text}\n`);
        return { redeliver: async () => undefined };
      },
      sent: () => sent,
      close: async () => void input.end(),
    };
  },
});
