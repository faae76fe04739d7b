/**
 * Customer phone numbers are personal data (seed 001 第九条 保密制度): group chats and logs show
 * them masked as 138****5678.
 */

// A Chinese mobile number, allowing the separators staff type (spaces, dashes, dots) and +86.
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s.-]?(\d{4})[\s.-]?(\d{4})(?!\d)/g;

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length !== 11) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(7)}`;
}

/** Mask every mobile number inside free text. */
export function maskPhones(text: string): string {
  return text.replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}
