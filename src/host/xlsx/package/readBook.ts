import type { PackageParts } from "./parts";
import { childOf, childrenOf, decodeEscapes, tree, walk } from "./xml";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface BookSheet {
  readonly name: string;
  readonly state: SheetState;
  /** The worksheet part. */
  readonly part: string;
}

export interface BookIndex {
  /** The workbook part (xl/workbook.xml as a rule). */
  readonly part: string;
  /** The worksheets in workbook order (chart sheets and dialog sheets left out). */
  readonly sheets: BookSheet[];
  readonly date1904: boolean;
  readonly sharedStrings: string[];
}

/** The package is not a workbook: no workbook part, or one that is not a <workbook>. */
export class NotWorkbookError extends Error {}

export function readBook(parts: PackageParts): BookIndex {
  const { part, sheets, root } = readSheetList(parts);
  const pr = childOf(root, "workbookPr")?.attrs.date1904;
  return {
    part,
    sheets,
    date1904: pr === "1" || pr === "true",
    sharedStrings: readSharedStrings(parts, part),
  };
}

/** The workbook part and its worksheets (names, states, parts), without the shared strings. */
export function readSheetList(parts: PackageParts): {
  part: string;
  sheets: BookSheet[];
  root: ReturnType<typeof tree>;
} {
  const office = parts
    .rels("")
    .find((r) => r.kind === "officeDocument" && !r.external && parts.entry(r.part));
  if (!office) throw new NotWorkbookError("缺少工作簿部件");
  const part = (parts.entry(office.part) as { name: string }).name;
  const root = tree(parts.wellFormedText(part) ?? "");
  if (!root || root.name !== "workbook") throw new NotWorkbookError(`${part} 不是工作簿`);
  const rels = parts.rels(part);
  const sheets: BookSheet[] = [];
  for (const el of childrenOf(childOf(root, "sheets"), "sheet")) {
    const rel = rels.find((r) => r.id === el.attrs.id);
    if (!rel || rel.external || rel.kind !== "worksheet") continue;
    const entry = parts.entry(rel.part);
    if (!entry) continue;
    const state = el.attrs.state;
    sheets.push({
      name: el.attrs.name ?? "",
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      part: entry.name,
    });
  }
  return { part, sheets, root };
}

/** The shared strings, streamed (a workbook may hold hundreds of thousands). */
function readSharedStrings(parts: PackageParts, workbookPart: string): string[] {
  const part = parts.related(workbookPart, "sharedStrings");
  const text = part ? parts.wellFormedText(part, false) : null;
  return text ? stringItems(text, "si") : [];
}

/**
 * The text of every `item` element (<si>, a comment's <text>) in document order: its <t>, or its
 * runs' <t> joined, phonetic runs (<rPh>) left out, Excel's `_xHHHH_` escapes decoded.
 */
export function stringItems(text: string, item: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let phonetic = 0;
  let collecting = false;
  walk(text, {
    open(name) {
      if (name === item) current = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t" && current !== null && phonetic === 0) collecting = true;
    },
    text(t) {
      if (collecting) current += t;
    },
    close(name) {
      if (name === "t") collecting = false;
      else if (name === "rPh") phonetic--;
      else if (name === item && current !== null) {
        out.push(decodeEscapes(current));
        current = null;
      }
    },
  });
  return out;
}
