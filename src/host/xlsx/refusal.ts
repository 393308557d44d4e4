import { NotWorkbookError, readSheetList, type BookSheet } from "./package/readBook";
import { DamagedPartError, TooLargeError } from "./package/damage";
import type { PackageParts } from "./package/parts";
import { CorruptZipError } from "./package/zip";

/**
 * Why a file cannot be scored, in the accountant's words (issue 23): what the file is (an .xls, an
 * encrypted workbook, a CSV, an OpenDocument spreadsheet, a Strict OOXML workbook) and how to
 * save it as an .xlsx, or what is damaged — the sheet by its name, not a part's internal name.
 * Each returns the reason only; the reader puts "无法读取 <file>：" before it.
 */

/** What names a part in words: the workbook part and its sheets. */
export interface Book {
  readonly part: string;
  readonly sheets: readonly BookSheet[];
}

/**
 * The sheet list of a package refused before it was read (a part too large), for naming the
 * part: read only when the parts it needs are small and not the one refused; else null.
 */
export function bookForWords(e: unknown): Book | null {
  const parts = (e as { parts?: PackageParts } | null)?.parts;
  if (!parts) return null;
  const refused = (e as { part?: string }).part?.toLowerCase();
  const small = parts.archive.entries.every(
    (x) =>
      !/(\.rels|workbook\.xml)$/i.test(x.name) ||
      (x.uncompressedSize < 16 << 20 && x.name.toLowerCase() !== refused)
  );
  if (!small) return null;
  try {
    return readSheetList(parts);
  } catch {
    return null;
  }
}

const SAVE_AS_XLSX =
  "请在 Excel 或 WPS 中打开它，“文件 → 另存为”，文件类型选“Excel 工作簿 (*.xlsx)”，再评分";

/** A reason the bytes cannot be an .xlsx at all (not a zip), or null. */
export function signatureProblem(data: Uint8Array, file: string): string | null {
  if (data.length === 0) return "文件是空的（0 字节），可能没有保存完整";
  const u32 = (at: number): number =>
    ((data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3]) >>> 0;
  // Compound File (OLE/CFB): an encrypted .xlsx has an EncryptionInfo stream; else an .xls
  if (data.length >= 8 && u32(0) === 0xd0cf11e0 && u32(4) === 0xa1b11ae1) {
    if (holds(data, utf16le("EncryptionInfo")))
      return "工作簿设置了打开密码（已加密），本程序无法读取加密的文件：请在 Excel 中打开它，“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存（WPS：“文件 → 文档加密 → 密码加密”中清除打开密码），再评分";
    return `这是旧版 Excel 97–2003 工作簿（.xls），不是 .xlsx：${SAVE_AS_XLSX}`;
  }
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b) return null;
  const head = data.subarray(0, 4096);
  if (/\.csv$/i.test(file) || (!head.includes(0) && /[,\t;]/.test(new TextDecoder().decode(head))))
    return `这是 CSV 文本文件，不是 Excel 工作簿：${SAVE_AS_XLSX}`;
  return "不是 Excel 工作簿（.xlsx），文件可能已损坏或不是表格文件";
}

/** A name as a compound file's directory stores it. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}

function holds(data: Uint8Array, needle: Uint8Array): boolean {
  for (
    let i = data.indexOf(needle[0]);
    i >= 0 && i + needle.length <= data.length;
    i = data.indexOf(needle[0], i + 1)
  ) {
    let k = 1;
    while (k < needle.length && data[i + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

/** A zip that is another kind of document, or a workbook this program cannot write; or null. */
export function packageProblem(parts: PackageParts, book: Book | null): string | null {
  const mimetype = parts.entry("mimetype") ? (parts.text("mimetype") ?? "") : "";
  if (mimetype.includes("opendocument.spreadsheet"))
    return "这是 OpenDocument 电子表格（.ods），不是 .xlsx：请在 LibreOffice Calc 中“文件 → 另存为”，文件类型选“Excel 2007-365 (.xlsx)”；或在 WPS、Excel 中打开后另存为 .xlsx，再评分";
  if (mimetype.includes("opendocument"))
    return "这是 OpenDocument 文档，不是 Excel 工作簿（.xlsx）";
  if (
    book &&
    (parts.text(book.part) ?? "").includes("http://purl.oclc.org/ooxml/spreadsheetml/main")
  )
    return "这是“Strict Open XML 电子表格”格式的工作簿，本程序不能按这种格式写出评分副本（尚未评分）：请在 Excel 中“文件 → 另存为”，文件类型选“Excel 工作簿 (*.xlsx)”（不要选 Strict Open XML），再评分";
  return null;
}

/** A part in the accountant's words: the sheet by its name, the other parts by what they hold. */
export function partWords(part: string, book: Book | null): string {
  const lower = part.toLowerCase();
  const sheet = book?.sheets.find((s) => s.part.toLowerCase() === lower);
  if (sheet) return `工作表“${sheet.name}”`;
  if (book && book.part.toLowerCase() === lower) return `工作表目录（${part}）`;
  if (/(^|\/)workbook\.xml$/.test(lower)) return `工作表目录（${part}）`;
  if (/sharedstrings\d*\.xml$/.test(lower)) return `单元格文字表（${part}）`;
  if (/styles\d*\.xml$/.test(lower)) return `单元格格式表（${part}）`;
  if (lower.endsWith(".rels")) return `部件关系表（${part}）`;
  if (lower === "[content_types].xml") return "内容类型表（[Content_Types].xml）";
  if (/worksheets\//.test(lower)) return `工作表部件 ${part}`;
  return `部件 ${part}`;
}

/** The reason for a failure while reading the package, or null when it is not the package's. */
export function failureWords(e: unknown, book: Book | null): string | null {
  if (e instanceof DamagedPartError)
    return `文件已损坏：${partWords(e.part, book)}的内容不完整或格式错误（${e.detail}）。请在 Excel 或 WPS 中打开它（按提示修复），再另存为 .xlsx 后评分`;
  if (e instanceof TooLargeError)
    return `${e.part ? partWords(e.part, book) : "整个文件"}${e.detail}，超出本程序的处理上限（这样的文件多为恶意构造的“压缩炸弹”），已拒绝处理，没有评分`;
  if (e instanceof CorruptZipError) {
    if (e.truncated)
      return "文件不完整（可能在下载、复制或保存时被截断），请重新获取或重新保存原文件";
    return e.part
      ? `文件已损坏：${partWords(e.part, book)}无法解压或校验不符，请重新获取原文件，或在 Excel、WPS 中打开修复后另存`
      : "不是有效的 Excel 工作簿，文件可能已损坏";
  }
  if (e instanceof NotWorkbookError)
    return "不是有效的 Excel 工作簿（缺少工作簿部件），文件可能已损坏";
  return null;
}
