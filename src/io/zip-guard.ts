/**
 * An `.xlsx`, a `.docx`, an `.odt` and a REFI-QDA `.qdpx` are zip archives, and a zip archive can be a bomb: 3 MB on
 * disk that expand to 3 GB and kill Node long before the document is read. Before a reader sees an
 * archive, its central directory is read here, and refused when it declares more than the limits
 * below; then every entry the reader needs is expanded here, with the output capped at what the
 * entry declares (an archive that lies about its sizes is refused the moment it expands past
 * them), and checked against its CRC. The reader is then given a new archive holding only those
 * verified entries, stored without compression: it can never expand more than was checked.
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** A coding spreadsheet of 50,000 quotes expands to 16 MB: four times that is refused. */
export const XLSX_MAX_EXPANDED_BYTES = 64 * 1024 * 1024;
export const XLSX_MAX_ENTRIES = 10_000;

/** Why an archive is refused; turned into a message by the spreadsheet reader. */
export class ArchiveError extends Error {
  constructor(
    readonly reason: 'declared-too-large' | 'expands-too-large' | 'too-many-entries' | 'damaged' | 'unsupported',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'ArchiveError';
  }
}

interface Entry {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function damaged(detail: string): never {
  throw new ArchiveError('damaged', detail);
}

function u64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ArchiveError('declared-too-large', `a size of ${value} bytes`);
  return Number(value);
}

/** The central directory: every entry with its declared sizes. */
function readEntries(buf: Buffer): Entry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged('no end of central directory');
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== ZIP64_LOCATOR) damaged('no zip64 locator');
    const record = u64(buf, locator + 8);
    if (record + 56 > buf.length || buf.readUInt32LE(record) !== ZIP64_EOCD) damaged('no zip64 end of central directory');
    count = u64(buf, record + 32);
    size = u64(buf, record + 40);
    offset = u64(buf, record + 48);
  }
  if (count > XLSX_MAX_ENTRIES) throw new ArchiveError('too-many-entries', `${count} entries`);
  if (offset + size > buf.length) damaged('central directory outside the file');
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) damaged('bad central directory entry');
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const entry: Entry = {
      name: buf.subarray(at + 46, at + 46 + nameLength),
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
    };
    // ZIP64: the real values are in an extra field, in this order, for those set to 0xFFFFFFFF.
    if (entry.size === 0xffffffff || entry.compressed === 0xffffffff || entry.offset === 0xffffffff) {
      const extra = buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(e);
        const length = extra.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          if (entry.size === 0xffffffff) {
            entry.size = u64(extra, f);
            f += 8;
          }
          if (entry.compressed === 0xffffffff) {
            entry.compressed = u64(extra, f);
            f += 8;
          }
          if (entry.offset === 0xffffffff) entry.offset = u64(extra, f);
          break;
        }
        e += 4 + length;
      }
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entries a spreadsheet or document reader needs: the XML parts and their relationships. */
function needed(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** The expanded content of an entry, never more than it declares. */
function expand(buf: Buffer, entry: Entry): Buffer {
  const at = entry.offset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) damaged(`no local header for ${entry.name.toString('utf8')}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressed);
  if (data.length !== entry.compressed) damaged(`${entry.name.toString('utf8')} is cut short`);
  let content: Buffer;
  if (entry.method === 0) content = data;
  else if (entry.method === 8) {
    try {
      content = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ArchiveError('expands-too-large', `${entry.name.toString('utf8')} expands to more than the ${entry.size} bytes it declares`);
      }
      damaged(`${entry.name.toString('utf8')}: ${(error as Error).message}`);
    }
  } else throw new ArchiveError('unsupported', `${entry.name.toString('utf8')} is compressed with method ${entry.method}`);
  if (content.length !== entry.size) damaged(`${entry.name.toString('utf8')} is not the size it declares`);
  if (crc32(content) !== entry.crc) damaged(`${entry.name.toString('utf8')} fails its checksum`);
  return content;
}

/** A zip archive of `files`, stored without compression. */
function storedArchive(files: { name: Buffer; flags: number; content: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const crc = crc32(file.content);
    const flags = file.flags & 0x0800; // keep "names are UTF-8"
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(file.content.length, 18);
    local.writeUInt32LE(file.content.length, 22);
    local.writeUInt16LE(file.name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(0, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(file.content.length, 20);
    entry.writeUInt32LE(file.content.length, 24);
    entry.writeUInt16LE(file.name.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, file.name, file.content);
    central.push(entry, file.name);
    offset += 30 + file.name.length + file.content.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** The entries of the archive that `keep` wants, expanded and verified (see the module comment). */
export function verifiedEntries(
  bytes: Uint8Array,
  keep: (name: string) => boolean,
  limit = XLSX_MAX_EXPANDED_BYTES,
): { name: Buffer; flags: number; content: Buffer }[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readEntries(buf).filter((entry) => keep(entry.name.toString('utf8')));
  let declared = 0;
  for (const entry of entries) declared += entry.size;
  if (declared > limit) throw new ArchiveError('declared-too-large', `${declared} bytes once expanded`);
  return entries.map((entry) => ({ name: entry.name, flags: entry.flags, content: expand(buf, entry) }));
}

/** The XML parts of an archive (an Office or OpenDocument file), verified, as a new archive stored without compression. */
export function boundedArchive(bytes: Uint8Array, limit = XLSX_MAX_EXPANDED_BYTES, transform?: (name: string, content: Buffer) => Buffer): Buffer {
  const entries = verifiedEntries(bytes, needed, limit);
  return storedArchive(transform === undefined ? entries : entries.map((e) => ({ ...e, content: transform(e.name.toString('utf8'), e.content) })));
}

/**
 * The entries of any archive (a REFI-QDA project, a workbook) for which `wanted` says yes, each
 * expanded under the same guard: limits read from the central directory first, each entry capped
 * at what it declares and checked against its CRC. Names are UTF-8 (as REFI-QDA and Office write them).
 */
export function boundedEntries(bytes: Uint8Array, wanted: (name: string) => boolean, limit = XLSX_MAX_EXPANDED_BYTES): Map<string, Buffer> {
  return new Map(verifiedEntries(bytes, wanted, limit).map((entry) => [entry.name.toString('utf8'), entry.content]));
}

/**
 * The workbook as an archive the spreadsheet reader can expand without risk, or an
 * `ArchiveError` saying why it is refused (see the module comment).
 */
export function boundedXlsx(bytes: Uint8Array, limit = XLSX_MAX_EXPANDED_BYTES): Buffer {
  return boundedArchive(bytes, limit, (name, content) => (name.endsWith('.xml') ? withAstralCharacters(content) : content));
}

const ASTRAL_REFERENCE = /&#(?:([0-9]{5,7})|[xX]([0-9a-fA-F]{5,6}));/g;

/**
 * A workbook's XML with each character reference beyond U+FFFF (`&#128522;`, an emoji as some
 * tools write it) replaced by the character itself: the spreadsheet reader decodes references
 * one UTF-16 unit at a time, and would turn 😊 into another character.
 */
function withAstralCharacters(content: Buffer): Buffer {
  if (!content.includes('&#')) return content;
  const text = content.toString('utf8');
  const fixed = text.replace(ASTRAL_REFERENCE, (reference, decimal: string | undefined, hex: string | undefined) => {
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    return code > 0xffff && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  });
  return fixed === text ? content : Buffer.from(fixed, 'utf8');
}
