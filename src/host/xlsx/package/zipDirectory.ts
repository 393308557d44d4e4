import { CorruptZipError, type ZipArchive, type ZipEntry } from "./zip";

/**
 * A zip's central directory read from bytes, field for field as yauzl reads it (names in UTF-8
 * when flagged or given in an Info-ZIP Unicode Path field whose CRC checks, else CP437; the same
 * refusals of unsafe names; zip64 sizes and offsets), for a platform without yauzl. Pure: no
 * Node built-in, no DOM. Every fault is a CorruptZipError.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const CP437 =
  "\u0000☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼ !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

const utf8 = new TextDecoder("utf-8");

function decode(bytes: Uint8Array, isUtf8: boolean): string {
  if (isUtf8) return utf8.decode(bytes);
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += CP437[bytes[i]];
  return out;
}

function fail(message: string): never {
  throw new CorruptZipError(`zip: ${message}`);
}

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

interface ExtraField {
  readonly id: number;
  readonly data: Uint8Array;
}

function extraFields(raw: Uint8Array): ExtraField[] {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const fields: ExtraField[] = [];
  let i = 0;
  while (i < raw.length - 3) {
    const end = i + 4 + view.getUint16(i + 2, true);
    if (end > raw.length) fail("extra field length exceeds extra field buffer size");
    fields.push({ id: view.getUint16(i, true), data: raw.subarray(i + 4, end) });
    i = end;
  }
  return fields;
}

function fileName(
  flags: number,
  raw: Uint8Array,
  extras: readonly ExtraField[],
  crc32: (data: Uint8Array) => number
): string {
  let name: string | null = null;
  for (const { id, data } of extras) {
    if (id !== 0x7075 || data.length < 6 || data[0] !== 1) continue;
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (crc32(raw) !== view.getUint32(1, true)) continue;
    name = decode(data.subarray(5), true);
    break;
  }
  name = (name ?? decode(raw, (flags & 0x800) !== 0)).replace(/\\/g, "/");
  if (/^[a-zA-Z]:/.test(name) || name.startsWith("/")) fail(`absolute path: ${name}`);
  if (name.split("/").includes("..")) fail(`invalid relative path: ${name}`);
  return name;
}

/** Where the central directory is, and how many entries it holds. */
function endRecord(
  input: Uint8Array,
  view: DataView
): { count: number; offset: number; comment: string } {
  for (let i = input.length - 22; i >= Math.max(0, input.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) !== EOCD) continue;
    const commentLength = view.getUint16(i + 20, true);
    if (commentLength !== input.length - i - 22) fail("invalid comment length");
    const comment = decode(input.subarray(i + 22), false);
    if (view.getUint16(i + 4, true) !== 0) fail("multi-disk zip files are not supported");
    let count = view.getUint16(i + 10, true);
    let offset = view.getUint32(i + 16, true);
    const locator = i - 20;
    if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
      const at = u64(view, locator + 8);
      if (at + 56 > input.length) fail("zip64 end of central directory runs past the end");
      if (view.getUint32(at, true) !== ZIP64_EOCD)
        fail("invalid zip64 end of central directory record signature");
      count = u64(view, at + 32);
      offset = u64(view, at + 48);
    }
    return { count, offset, comment };
  }
  return fail("end of central directory record signature not found");
}

/** Every entry of the zip in `input`, in central-directory order (as yauzl gives them). */
export function readZipDirectory(
  input: Uint8Array,
  crc32: (data: Uint8Array) => number
): ZipArchive {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  if (input.length < 22) fail("end of central directory record signature not found");
  const { count, offset, comment } = endRecord(input, view);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > input.length) fail("unexpected EOF");
    const signature = view.getUint32(at, true);
    if (signature !== CENTRAL)
      fail(`invalid central directory file header signature: 0x${signature.toString(16)}`);
    const flags = view.getUint16(at + 8, true);
    if (flags & 0x40) fail("strong encryption is not supported");
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const nameAt = at + 46;
    const end = nameAt + nameLength + extraLength + commentLength;
    if (end > input.length) fail("unexpected EOF");
    const rawName = input.subarray(nameAt, nameAt + nameLength);
    const extras = extraFields(
      input.subarray(nameAt + nameLength, nameAt + nameLength + extraLength)
    );
    const name = fileName(flags, rawName, extras, crc32);
    const zip64 = extras.find((f) => f.id === 0x0001);
    if (zip64) {
      const z = new DataView(zip64.data.buffer, zip64.data.byteOffset, zip64.data.byteLength);
      let i = 0;
      const next = (what: string): number => {
        if (i + 8 > zip64.data.length)
          fail(`zip64 extended information extra field does not include ${what}`);
        const value = u64(z, i);
        i += 8;
        return value;
      };
      if (uncompressedSize === 0xffffffff) uncompressedSize = next("uncompressed size");
      if (compressedSize === 0xffffffff) compressedSize = next("compressed size");
      if (localOffset === 0xffffffff) localOffset = next("relative header offset");
    }
    if (localOffset + 30 > input.length) fail(`${name}: unexpected EOF`);
    if (view.getUint32(localOffset, true) !== LOCAL)
      fail(`${name}: invalid local file header signature`);
    const start =
      localOffset +
      30 +
      view.getUint16(localOffset + 26, true) +
      view.getUint16(localOffset + 28, true);
    if (start + compressedSize > input.length) fail(`${name} runs past the end of the file`);
    const method = view.getUint16(at + 10, true);
    const encrypted = (flags & 1) !== 0;
    if (method === 0 && compressedSize !== uncompressedSize + (encrypted ? 12 : 0))
      fail(`compressed/uncompressed size mismatch for stored file: ${name}`);
    entries.push({
      name,
      dir: name.endsWith("/"),
      method,
      crc32: view.getUint32(at + 16, true),
      uncompressedSize,
      raw: input.subarray(start, start + compressedSize),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      attributes: view.getUint32(at + 38, true),
      comment: decode(input.subarray(end - commentLength, end), (flags & 0x800) !== 0),
      encrypted,
    });
    at = end;
  }
  return { entries, comment };
}
