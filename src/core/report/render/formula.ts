/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first)
 * is written with a leading apostrophe, so that opening an export never runs anything
 * (OWASP, "CSV injection"). The one place this rule lives for the thesis exports.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
