import { Inflate, deflateSync } from "fflate";
import { TooLargeError } from "./damage";
import { DEFLATE_LEVEL, crc32Table, type Codec } from "./zip";
import { readZipDirectory } from "./zipDirectory";

/**
 * The browser's codec: the zip directory read by zipDirectory.ts (yauzl needs Node's streams),
 * DEFLATE by fflate (pure JavaScript, synchronous: a part's text is inflated where it is first
 * read), CRC-32 by table. Every field it reads is the one yauzl reads, so a package read here is
 * written exactly as in Node; only the compressed bytes of rewritten parts may differ.
 */
export const browserCodec: Codec = {
  readZip: (input) => Promise.resolve().then(() => readZipDirectory(input, crc32Table)),
  inflateRaw: inflateLimited,
  deflateRaw: (data) => deflateSync(data, { level: DEFLATE_LEVEL }),
  deflateRawAsync: (data) =>
    Promise.resolve().then(() => deflateSync(data, { level: DEFLATE_LEVEL })),
  crc32: crc32Table,
};

/**
 * fflate's streaming Inflate, fed 64 KiB at a time into a buffer of the declared size: it stops
 * (a TooLargeError) as soon as the output would pass it, so a lying entry never takes more.
 */
function inflateLimited(data: Uint8Array, limit: number): Uint8Array {
  const out = new Uint8Array(limit);
  let at = 0;
  const inflate = new Inflate((chunk) => {
    if (at + chunk.length > limit) throw new TooLargeError("", `解压后超过 ${limit} 字节`);
    out.set(chunk, at);
    at += chunk.length;
  });
  const step = 64 * 1024;
  if (data.length === 0) inflate.push(data, true);
  for (let i = 0; i < data.length; i += step)
    inflate.push(data.subarray(i, i + step), i + step >= data.length);
  return at === limit ? out : out.subarray(0, at);
}
