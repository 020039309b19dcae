import { crc32, deflateRawSync } from 'node:zlib';
import { readSheet } from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { ArchiveError, boundedXlsx } from './xlsx-guard.js';

/** A zip archive written by hand, whose central directory may declare other sizes than the truth. */
function zip(entries: { name: string; content: Buffer; declaredSize?: number }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = deflateRawSync(e.content);
    const size = e.declaredSize ?? e.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.content), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(e.content), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(entry, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

function refusal(bytes: Buffer, limit?: number): ArchiveError {
  try {
    boundedXlsx(bytes, limit);
  } catch (error) {
    if (error instanceof ArchiveError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('boundedXlsx', () => {
  it('gives the reader the same workbook, its parts verified and stored', async () => {
    const rows = [['Participant', 'Code', 'Verbatim'], ['MG1', 'Impuissance', '« je ne sais plus quoi lui proposer »'], ['MG2', 'Épuisement', 'vidée, vraiment']];
    const original = (await writeExcelFile(rows).toBuffer()) as Buffer;
    const checked = boundedXlsx(original);
    expect(await readSheet(checked)).toEqual(await readSheet(original));
    expect(await readSheet(checked)).toEqual(rows);
  });

  it('refuses an archive that declares more than the limit, before expanding anything', () => {
    const bytes = zip([{ name: 'xl/sharedStrings.xml', content: Buffer.alloc(1000, 0x41), declaredSize: 3 * 1024 ** 3 }]);
    const error = refusal(bytes);
    expect(error.reason).toBe('declared-too-large');
    expect(error.detail).toBe('3221225472 bytes once expanded');
    expect(refusal(zip([{ name: 'xl/a.xml', content: Buffer.alloc(2000) }]), 1000).reason).toBe('declared-too-large');
  });

  it('refuses an entry that expands to more than it declares (a bomb lying about its size)', () => {
    const bytes = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(20 * 1024 * 1024), declaredSize: 1024 }]);
    const error = refusal(bytes);
    expect(error.reason).toBe('expands-too-large');
    expect(error.detail).toBe('xl/worksheets/sheet1.xml expands to more than the 1024 bytes it declares');
  });

  it('refuses damaged archives: cut short, not a zip, a wrong checksum', () => {
    const good = zip([{ name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') }]);
    expect(refusal(good.subarray(0, good.length - 30)).reason).toBe('damaged');
    expect(refusal(Buffer.from('PK\u0003\u0004 not really a zip')).reason).toBe('damaged');
    const wrong = Buffer.from(good);
    wrong[30 + 'xl/workbook.xml'.length] ^= 0xff;
    expect(refusal(wrong).reason).toBe('damaged');
  });

  it('ignores the parts a reader does not need (images, printer settings) and their sizes', () => {
    const bytes = zip([
      { name: 'xl/media/image1.png', content: Buffer.alloc(10), declaredSize: 3 * 1024 ** 3 },
      { name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') },
    ]);
    expect(() => boundedXlsx(bytes)).not.toThrow();
  });
});
