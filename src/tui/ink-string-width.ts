/**
 * `string-width` as Ink and the libraries it draws with import it in the screens' bundle
 * (rolldown.config.mjs points their imports here): the same measure — string-width 8, the one
 * the screens' own layout uses — without its grapheme segmenter and Unicode expressions for
 * Latin text, which Ink measures on every new row.
 */
import stringWidth from 'string-width';
import { textWidth } from '../core/text/width.js';

export default function inkStringWidth(text: string, options?: Parameters<typeof stringWidth>[1]): number {
  return options === undefined && typeof text === 'string' ? textWidth(text) : stringWidth(text, options);
}
