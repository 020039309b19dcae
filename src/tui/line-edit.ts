/** Editing one line of typed text at a caret: steps over whole code points, erases words. Offsets are UTF-16. */

/** The caret one code point to the left. */
export function previousCaret(value: string, caret: number): number {
  if (caret <= 0) return 0;
  const code = value.charCodeAt(caret - 1);
  return code >= 0xdc00 && code <= 0xdfff && caret >= 2 ? caret - 2 : caret - 1;
}

/** The caret one code point to the right. */
export function nextCaret(value: string, caret: number): number {
  if (caret >= value.length) return value.length;
  const code = value.charCodeAt(caret);
  return code >= 0xd800 && code <= 0xdbff ? caret + 2 : caret + 1;
}

/** Where Ctrl-W erases back to from `caret`: the start of the word before it (with the spaces after that word). */
export function wordStartBefore(value: string, caret: number): number {
  let at = caret;
  while (at > 0 && /\s/.test(value[at - 1]!)) at--;
  while (at > 0 && !/\s/.test(value[at - 1]!)) at--;
  return at;
}
