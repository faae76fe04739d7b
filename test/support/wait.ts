/** Poll an async condition (usually a database count) until it holds; fail after `ms`. */
export async function waitUntil(ok: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((res) => setTimeout(res, 10));
  }
}
