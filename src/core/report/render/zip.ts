/**
 * Word and Excel files are zip archives whose writers stamp every entry with the current time.
 * Rewriting those stamps in place (in each local header, in the central directory and in any
 * extended-timestamp field) makes the same study give the same bytes — without decompressing or
 * compressing anything again. A date is written only when one is asked for.
 */

/** The time written when no date is asked for. */
export const FIXED_DATE = '2000-01-01T00:00:00Z';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const EXTENDED_TIMESTAMP = 0x5455;

/** MS-DOS date and time fields for midnight of a `YYYY-MM-DD` day (years 1980–2107). */
function dosDateTime(iso: string): { date: number; time: number; unix: number } {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return { date: ((Math.min(Math.max(y, 1980), 2107) - 1980) << 9) | (m << 5) | d, time: 0, unix: Date.UTC(y, m - 1, d) / 1000 };
}

/** Extended-timestamp extra fields (`UT`) hold Unix times: set each one to `unix`. */
function patchExtra(view: DataView, start: number, length: number, unix: number): void {
  let at = start;
  while (at + 4 <= start + length) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === EXTENDED_TIMESTAMP && size >= 1) {
      for (let t = at + 5; t + 4 <= at + 4 + size; t += 4) view.setUint32(t, unix, true);
    }
    at += 4 + size;
  }
}

/** The archive with every entry's time set to midnight of `date` (default: 1 January 2000). */
export function normaliseZip(bytes: Uint8Array, date?: string): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { date: dosDate, time: dosTime, unix } = dosDateTime(date ?? FIXED_DATE);
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error(`zip central directory entry ${n} is damaged`);
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    patchExtra(view, at + 46 + nameLength, extraLength, unix);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error(`zip local header of entry ${n} is damaged`);
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    patchExtra(view, local + 30 + view.getUint16(local + 26, true), view.getUint16(local + 28, true), unix);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
