/**
 * Writing XML by hand, safely. Text from the study (a code name, a memo, a quote) may hold `<`,
 * `&`, `]]>`, quotes, line breaks and emoji: every character is escaped where XML needs it, and
 * the few characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/F)
 * are found first so the export can say where they are instead of writing a file no tool reads.
 */

/** Characters XML 1.0 cannot hold, even escaped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` can be written in an XML 1.0 document. */
export function isXmlText(text: string): boolean {
  return !NOT_XML.test(text);
}

const TEXT_ESCAPED = /[&<>\r]/;
const ATTRIBUTE_ESCAPED = /[&<>"\t\n\r]/;

/** Element content: `&`, `<`, `>` escaped; a CR kept as `&#13;` (a parser would turn it into LF). */
export function xmlText(text: string): string {
  if (!TEXT_ESCAPED.test(text)) return text;
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** An attribute value in double quotes: also `"`, and tab, LF and CR as references (else a parser turns them into spaces). */
export function xmlAttribute(text: string): string {
  // Most values (GUIDs, numbers, ids) need nothing: a test is cheaper than a replace with a callback.
  if (!ATTRIBUTE_ESCAPED.test(text)) return text;
  return text.replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '\t':
        return '&#9;';
      case '\n':
        return '&#10;';
      default:
        return '&#13;';
    }
  });
}

/** `name="value"` pairs, skipping undefined values, in the order given. */
export function attributes(pairs: [string, string | number | boolean | undefined][]): string {
  let out = '';
  for (const [name, value] of pairs) if (value !== undefined) out += ` ${name}="${xmlAttribute(String(value))}"`;
  return out;
}
