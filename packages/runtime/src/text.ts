/** `text` without its trailing dots and whitespace, in one pass (a `/[.\s]+$/` backtracks quadratically). */
export function withoutTrailingDots(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || /\s/.test(text[end - 1]!))) end--;
  return text.slice(0, end);
}
