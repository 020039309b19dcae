/**
 * A zip archive built as its entries' bytes arrive. Each entry is deflated by Node's zlib in libuv's
 * thread pool, so on the machine's other cores while the program goes on making the next bytes;
 * an entry given in chunks is deflated chunk by chunk, each chunk ended by a sync flush and the
 * entry by an empty final block (the way pigz splits its work: one valid deflate stream, each chunk
 * compressed without the previous one's window). A 30 MB project file is so compressed while it is
 * still being written. Every entry is dated 1 January 2000 (FIXED_DATE), so the same study gives
 * the same bytes on the same Node (another zlib build may find other matches: the same content).
 * No zip64: an entry or an archive over 4 GB is refused.
 */
import { Buffer } from 'node:buffer';
import zlib from 'node:zlib';
import { FIXED_DATE } from '../core/report/render/zip.js';

interface Entry {
  name: Buffer;
  /** Each chunk's deflated bytes, in order. */
  parts: Promise<Buffer>[];
  crc: number;
  size: number;
  ended: boolean;
}

/** A chunk of an entry's bytes, written as it comes: `write` each in order, then `end`. */
export interface ZipEntryWriter {
  write(chunk: Uint8Array): void;
  end(): void;
}

/** An empty final block with fixed codes: ends a deflate stream made of sync-flushed chunks. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
const LIMIT = 0xffffffff;

function dosDate(iso: string): { date: number; time: number } {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return { date: ((y - 1980) << 9) | (m << 5) | d, time: 0 };
}

export class ZipWriter {
  private readonly entries: Entry[] = [];

  /** `level`: zlib's, 1 (fastest) to 9; 1 is three times faster than 6 on text, for 10 % more. */
  constructor(private readonly level = 1) {}

  private deflate(bytes: Uint8Array, flush: number): Promise<Buffer> {
    const part = new Promise<Buffer>((resolve, reject) => {
      zlib.deflateRaw(bytes, { level: this.level, finishFlush: flush }, (error, out) => (error ? reject(error) : resolve(out)));
    });
    // Awaited by bytes(); an archive abandoned half-way (a refusal) must not crash on a late failure.
    part.catch(() => undefined);
    return part;
  }

  /** A new entry, after those already started, whose bytes are given in chunks. */
  entry(name: string): ZipEntryWriter {
    const entry: Entry = { name: Buffer.from(name, 'utf8'), parts: [], crc: 0, size: 0, ended: false };
    this.entries.push(entry);
    return {
      write: (chunk) => {
        if (entry.ended) throw new Error(`zip entry ${name} is already ended`);
        if (chunk.length === 0) return;
        entry.crc = zlib.crc32(chunk, entry.crc);
        entry.size += chunk.length;
        entry.parts.push(this.deflate(chunk, zlib.constants.Z_SYNC_FLUSH));
      },
      end: () => {
        if (entry.ended) return;
        entry.ended = true;
        entry.parts.push(Promise.resolve(FINAL_BLOCK));
      },
    };
  }

  /** A new entry holding `bytes`, deflated in one stream. */
  file(name: string, bytes: Uint8Array): void {
    const entry: Entry = { name: Buffer.from(name, 'utf8'), parts: [this.deflate(bytes, zlib.constants.Z_FINISH)], crc: zlib.crc32(bytes), size: bytes.length, ended: true };
    this.entries.push(entry);
  }

  /** The archive, once every entry is ended and deflated. */
  async bytes(): Promise<Uint8Array> {
    const { date, time } = dosDate(FIXED_DATE);
    const out: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const entry of this.entries) {
      if (!entry.ended) throw new Error(`zip entry ${entry.name.toString('utf8')} was never ended`);
      const data = await Promise.all(entry.parts);
      const compressed = data.reduce((n, part) => n + part.length, 0);
      if (entry.size > LIMIT || compressed > LIMIT || offset > LIMIT) throw new RangeError(`zip entry ${entry.name.toString('utf8')} is over 4 GB`);
      // Bit 11: the name is UTF-8 (only said when it is not plain ASCII, as zip writers do).
      const flags = entry.name.some((byte) => byte > 0x7f) ? 0x0800 : 0;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(entry.crc >>> 0, 14);
      local.writeUInt32LE(compressed, 18);
      local.writeUInt32LE(entry.size, 22);
      local.writeUInt16LE(entry.name.length, 26);
      local.writeUInt16LE(0, 28);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      local.copy(header, 8, 6, 30);
      header.writeUInt32LE(offset, 42);
      central.push(header, entry.name);
      out.push(local, entry.name, ...data);
      offset += 30 + entry.name.length + compressed;
    }
    const directory = Buffer.concat(central);
    if (this.entries.length > 0xffff || offset > LIMIT) throw new RangeError('zip archive over 65,535 entries or 4 GB');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...out, directory, end]);
  }
}
