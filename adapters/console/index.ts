/**
 * The console adapter: each line typed (or piped) on stdin is a message from the local staff
 * member in a direct chat; replies go to stdout. On a piped stdin, `finished` resolves once the
 * last line has been answered, so `printf '…' | npm start` exits by itself.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatAdapter, IncomingMessage } from '../../src/pipeline/message';

export const CONSOLE_PLATFORM = 'console';
export const CONSOLE_USER = 'local';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
}

export function createConsoleAdapter(opts: ConsoleOptions): ChatAdapter {
  let markFinished: () => void = () => undefined;
  const finished = new Promise<void>((res) => (markFinished = res));
  let rl: ReturnType<typeof createInterface> | undefined;

  return {
    platform: CONSOLE_PLATFORM,
    finished,
    async start(onMessage) {
      rl = createInterface({ input: opts.input, crlfDelay: Infinity, terminal: false });
      // Lines are answered one after another, in the order they were typed.
      let queue = Promise.resolve();
      rl.on('line', (text) => {
        if (text.trim() === '') return;
        const msg: IncomingMessage = {
          platform: CONSOLE_PLATFORM,
          chatId: CONSOLE_USER,
          chatType: 'direct',
          senderId: CONSOLE_USER,
          text,
          mentioned: true,
          messageId: randomUUID(),
          time: new Date(),
        };
        queue = queue.then(() => onMessage(msg));
      });
      rl.on('close', () => void queue.then(markFinished));
    },
    // A terminal shows no pictures or files: the text carries the numbers, plus where the file is.
    async send(msg) {
      const file = msg.attachment;
      const where =
        file && !msg.text.includes(file.path)
          ? `\n${file.kind === 'image' ? '图片' : '文件'}:${file.path}`
          : '';
      opts.output.write(`${msg.text}${where}\n`);
    },
    async stop() {
      rl?.close();
    },
  };
}
