/**
 * A file a user sent, fetched by getFile and then its download URL; a local Bot API server
 * (TELEGRAM_API_ROOT) answers with a path on its own disk instead, which is copied.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Telegram } from 'telegraf';

export async function downloadFile(api: Telegram, fileId: string, path: string): Promise<void> {
  const url = await api.getFileLink(fileId);
  if (url.protocol === 'file:') return copyFile(fileURLToPath(url), path);
  const res = await fetch(url);
  // The URL holds the bot token: the error says what failed, never where.
  if (!res.ok) throw new Error(`telegram file download failed: HTTP ${res.status}`);
  await writeFile(path, Buffer.from(await res.arrayBuffer()));
}
