/**
 * Word's simple fields — `<w:fldSimple w:instr=" DATE \@ &quot;dd/MM/yyyy&quot; ">`, a date, a page
 * number or a file name inserted in the body — hold the text Word shows as ordinary runs. mammoth
 * does not know the element and leaves it out with everything in it: « Date : 12/03/2025 — durée
 * 42 min » was imported as « Date :  — durée 42 min ». Taking the element's tags away keeps its
 * runs, the text as Word shows it (the field's last result, as a reader of the document sees it).
 * Complex fields (`w:fldChar` … `w:instrText` … `w:fldChar`) mammoth reads already.
 */

/** A start, end or empty `fldSimple` tag, with any prefix; attribute values may hold `>` or `/`. */
const FIELD_TAG = /<\/?[A-Za-z_][\w.-]*:fldSimple(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/g;

/** The XML of a Word part with its simple fields' tags taken away, their runs kept in place. */
export function unwrapSimpleFields(xml: string): string {
  if (!xml.includes('fldSimple')) return xml;
  return xml.replace(FIELD_TAG, '');
}
