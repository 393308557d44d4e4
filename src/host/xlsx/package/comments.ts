import { parseAddress } from "../../../address";
import { noteAnchor } from "../../../form/layout/noteBox";
import { CT, NOTE_AUTHOR, NS, REL, XML_DECL } from "./constants";
import { Package } from "./opc";
import { sheetMetrics } from "./sheetMetrics";
import { SheetXml } from "./sheetXml";
import { openVml } from "./vmlParts";
import { SheetEntry } from "./workbook";
import {
  child,
  childrenNamed,
  createLike,
  descendants,
  elements,
  remove,
  setText,
  textOf,
} from "./xmlHelpers";
import { escAttr, escText, xstring } from "./xmlText";

/** Notes: the comments part of a sheet, edited in place or made, in row-then-column order. */

export async function applyNotes(
  pkg: Package,
  sheet: SheetEntry,
  ws: SheetXml,
  notes: Map<string, { row: number; col: number; text: string | null }>
): Promise<boolean> {
  const rels = await pkg.rels(sheet.part);

  // a cell with a threaded comment keeps it: its legacy comment is the thread's placeholder
  const threaded = new Set<string>();
  for (const r of rels.byKind("threadedComment")) {
    const tdoc = r.external ? null : await pkg.xml(rels.partOf(r));
    if (!tdoc) continue;
    for (const t of descendants(tdoc.root, tdoc.root.namespaceURI, "threadedComment"))
      threaded.add((t.getAttribute("ref") ?? "").toUpperCase());
  }
  const todo = [...notes].filter(([ref]) => !threaded.has(ref));
  if (todo.length === 0) return false;

  const commentsRel = rels.byKind("comments").find((r) => !r.external && pkg.has(rels.partOf(r)));
  if (!commentsRel && todo.every(([, n]) => n.text === null)) return false;

  // the comments part: a sheet's first notes start from the minimal part, edited as any other
  let commentsPart: string;
  if (commentsRel) commentsPart = rels.partOf(commentsRel);
  else {
    commentsPart = pkg.freeName((n) => `xl/comments${n}.xml`);
    pkg.create(commentsPart, EMPTY_COMMENTS);
    rels.add(REL.comments, commentsPart);
    await pkg.setOverride(commentsPart, CT.comments);
  }
  const comments = await commentsEditor(pkg, commentsPart);

  // the VML part (the sheet's legacy drawing)
  const vml = await openVml(
    pkg,
    sheet,
    ws,
    rels,
    todo.some(([, n]) => n.text !== null)
  );

  const metrics = sheetMetrics(ws);
  for (const [ref, note] of todo) {
    comments.remove(ref);
    vml?.removeNote(note.row - 1, note.col - 1);
    if (note.text === null) continue;
    comments.add(ref, note.row, note.col, note.text);
    // the box sized to its text, against the sheet's real row heights and column widths
    vml?.addNote(
      note.row - 1,
      note.col - 1,
      noteAnchor(note.row - 1, note.col - 1, note.text, metrics)
    );
  }
  comments.finish();

  // nothing left: the comments part goes, and the VML when it holds no other shape
  if (comments.count() === 0) {
    for (const r of rels.byKind("comments"))
      if (rels.partOf(r).toLowerCase() === commentsPart.toLowerCase()) rels.remove(r.id);
    await pkg.dropPart(commentsPart);
  }
  if (vml) await vml.finish();
  return true;
}

/** The notes of one comments part, kept in row-then-column order (readers pair them with shapes). */
export interface CommentsEditor {
  remove(ref: string): void;
  add(ref: string, row: number, col: number, text: string): void;
  /** How many comments the part holds. */
  count(): number;
  /** Write the part back. */
  finish(): void;
}

/** The first index in `list` of a note after (row, col), or the length. */
export function noteIndex(
  list: readonly { row: number; col: number }[],
  row: number,
  col: number
): number {
  const at = list.findIndex((e) => e.row > row || (e.row === row && e.col > col));
  return at >= 0 ? at : list.length;
}

/** A comments part with no comment yet (the add-in its only author). */
export const EMPTY_COMMENTS = `${XML_DECL}<comments xmlns="${NS.main}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList/></comments>`;

/** A comment as written, its names with the prefix `p` ("" or "x:") of the part's root. */
export function commentXml(ref: string, authorId: string, text: string, p: string): string {
  return (
    `<${p}comment ref="${escAttr(ref)}" authorId="${authorId}"><${p}text><${p}r><${p}rPr>` +
    `<${p}sz val="9"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr>` +
    `<${p}t xml:space="preserve">${escText(xstring(text))}</${p}t></${p}r></${p}text></${p}comment>`
  );
}

/** The sheet's comments part, edited in place. */
export async function commentsEditor(pkg: Package, part: string): Promise<CommentsEditor> {
  const cdoc = await pkg.mustXml(part);
  const croot = cdoc.root;
  const p = croot.prefix ? `${croot.prefix}:` : "";
  let authors = child(croot, "authors");
  if (!authors) {
    authors = createLike(croot, "authors");
    croot.insertBefore(authors, elements(croot)[0] ?? null);
  }
  let list = child(croot, "commentList");
  if (!list) {
    list = createLike(croot, "commentList");
    const kids = elements(croot);
    croot.insertBefore(list, kids[kids.indexOf(authors) + 1] ?? null);
  }
  const commentList = list;
  const authorList = childrenNamed(authors, "author");
  let authorId = authorList.findIndex((a) => textOf(a) === NOTE_AUTHOR);
  const ensureAuthor = (): number => {
    if (authorId >= 0) return authorId;
    const a = createLike(croot, "author");
    setText(a, NOTE_AUTHOR);
    authors!.appendChild(a);
    authorId = authorList.length;
    return authorId;
  };
  // the comments, indexed once, in document order
  const entries = childrenNamed(commentList, "comment").map((el) => {
    const ref = (el.getAttribute("ref") ?? "").toUpperCase();
    const p = /^[A-Z]{1,3}\d+$/.test(ref) ? parseAddress(ref) : { row: 0, col: 0 };
    return { ref, row: p.row, col: p.col, el };
  });
  // a note replaced on a cell keeps the author of the note it replaces (a person's, with their
  // text kept above the add-in's lines); a new note is the add-in's
  const replacedAuthor = new Map<string, string>();
  return {
    remove(ref) {
      for (let i = entries.length - 1; i >= 0; i--) {
        if (entries[i].ref === ref) {
          const author = entries[i].el.getAttribute("authorId");
          if (author !== null && /^\d+$/.test(author) && Number(author) < authorList.length)
            replacedAuthor.set(ref, author);
          remove(entries[i].el);
          entries.splice(i, 1);
        }
      }
    },
    add(ref, row, col, note) {
      const author = replacedAuthor.get(ref) ?? String(ensureAuthor());
      const comment = cdoc.fragment(commentXml(ref, author, note, p), croot.namespaceURI);
      const at = noteIndex(entries, row, col);
      if (at < entries.length) commentList.insertBefore(comment, entries[at].el);
      else commentList.appendChild(comment);
      entries.splice(at, 0, { ref, row, col, el: comment });
    },
    count: () => entries.length,
    finish() {
      pkg.touch(part);
    },
  };
}
