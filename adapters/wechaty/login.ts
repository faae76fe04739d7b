/**
 * Logging in to WeChat: the QR code goes to the terminal (stderr) and to a PNG in DATA_DIR (for a
 * server without a screen); sends wait while the account is logged out.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';

export const QR_FILE = 'wechat-login.png';

export async function showLoginQr(
  qrcode: string,
  dataDir: string,
  terminal: (text: string) => void,
): Promise<string> {
  const png = join(dataDir, QR_FILE);
  await mkdir(dataDir, { recursive: true });
  await QRCode.toFile(png, qrcode, { width: 360 });
  const art = await QRCode.toString(qrcode, { type: 'terminal', small: true });
  terminal(`\n用微信扫码登录 (Scan with WeChat to log in):\n${art}\n二维码图片: ${png}\n`);
  return png;
}

/** A stale QR code must not be scanned by mistake after login. */
export async function removeLoginQr(dataDir: string): Promise<void> {
  await rm(join(dataDir, QR_FILE), { force: true });
}

/** Sends wait at the gate while WeChat is logged out; stop() can give up on them. */
export class LoginGate {
  private opened: () => void = () => undefined;
  private failed: (err: Error) => void = () => undefined;
  private waiting: Promise<void> = this.closedGate();
  private isOpen = false;

  get loggedIn(): boolean {
    return this.isOpen;
  }

  open(): void {
    this.isOpen = true;
    this.opened();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.waiting = this.closedGate();
  }

  wait(): Promise<void> {
    return this.waiting;
  }

  /** Fail everything waiting (stop() while logged out: nothing can be sent), then wait afresh. */
  abandon(err: Error): void {
    if (this.isOpen) return;
    this.failed(err);
    this.waiting = this.closedGate();
  }

  private closedGate(): Promise<void> {
    const gate = new Promise<void>((res, rej) => {
      this.opened = res;
      this.failed = rej;
    });
    // A gate nobody waits at must not surface as an unhandled rejection when abandoned.
    gate.catch(() => undefined);
    return gate;
  }
}
