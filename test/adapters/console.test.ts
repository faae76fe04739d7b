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
    files: 'a terminal shows no files: the text names the path (console.test.ts)',
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

describe('console adapter', () => {
  it('prints the text of a message with a picture, and where the picture is', async () => {
    let printed = '';
    const output = new Writable({
      write(chunk: Buffer, _enc, done) {
        printed += String(chunk);
        done();
      },
    });
    const adapter = createConsoleAdapter({ input: new PassThrough(), output });
    const base = {
      platform: 'console',
      chatId: CONSOLE_USER,
      chatType: 'direct' as const,
      to: null,
    };
    const chart = { kind: 'image' as const, path: '/data/files/charts/周报.png', name: '周报.png' };
    await adapter.send({
      ...base,
      text: '上周营业额¥38,200',
      attachment: { ...chart, caption: '周报' },
    });
    // An export's text already names its file: not twice.
    const sheet = { kind: 'file' as const, path: '/data/files/客户.xlsx', name: '客户.xlsx' };
    await adapter.send({
      ...base,
      text: `已导出 客户档案 1位\n文件:${sheet.path}`,
      attachment: { ...sheet, caption: '已导出' },
    });
    expect(printed).toBe(
      '上周营业额¥38,200\n图片:/data/files/charts/周报.png\n已导出 客户档案 1位\n文件:/data/files/客户.xlsx\n',
    );
  });
});
