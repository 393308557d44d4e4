import { parseAddress } from "../../../form/grid";
import { noteAnchor } from "../../../form/layout/noteBox";
import { CT, NOTE_AUTHOR, NS, REL, XML_DECL } from "./constants";
import { Package } from "./opc";
import { sheetMetrics } from "./sheetMetrics";
import { SheetXml } from "./sheetXml";
import { openVml } from "./vmlParts";
import { SheetEntry } from "./workbook";
import { XElement } from "./xmlDom";
import {
  child,
  childrenNamed,
  createLike,
  descendants,
  remove,
  setText,
  textOf,
} from "./xmlHelpers";
import { escAttr, escText, xstring } from "./xmlWrite";

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
    for (const t of descendants(
      tdoc,
      (tdoc.documentElement as XElement).namespaceURI ?? "",
      "threadedComment"
    ))
      threaded.add((t.getAttribute("ref") ?? "").toUpperCase());
  }
  const todo = [...notes].filter(([ref]) => !threaded.has(ref));
  if (todo.length === 0) return false;

  const commentsRel = rels.byKind("comments").find((r) => !r.external && pkg.has(rels.partOf(r)));
  if (!commentsRel && todo.every(([, n]) => n.text === null)) return false;

  // the comments part
  let commentsPart: string;
  let comments: CommentsEditor;
  if (commentsRel) {
    commentsPart = rels.partOf(commentsRel);
    comments = await domComments(pkg, commentsPart);
  } else {
    commentsPart = pkg.freeName((n) => `xl/comments${n}.xml`);
    comments = freshComments(pkg, commentsPart);
    rels.add(REL.comments, commentsPart);
    await pkg.setOverride(commentsPart, CT.comments);
  }

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

export function commentXml(ref: string, authorId: number, text: string): string {
  return (
    `<comment ref="${escAttr(ref)}" authorId="${authorId}"><text><r><rPr>` +
    `<sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr>` +
    `<t xml:space="preserve">${escText(xstring(text))}</t></r></text></comment>`
  );
}

/** A comments part made here: written as text, as domComments would write it. */
export function freshComments(pkg: Package, part: string): CommentsEditor {
  const head = `${XML_DECL}<comments xmlns="${NS.main}"><authors><author>${NOTE_AUTHOR}</author></authors>`;
  pkg.create(part, `${head}<commentList/></comments>`);
  const entries: { ref: string; row: number; col: number; xml: string }[] = [];
  return {
    remove(ref) {
      for (let i = entries.length - 1; i >= 0; i--)
        if (entries[i].ref === ref) entries.splice(i, 1);
    },
    add(ref, row, col, text) {
      entries.splice(noteIndex(entries, row, col), 0, {
        ref,
        row,
        col,
        xml: commentXml(ref, 0, text),
      });
    },
    count: () => entries.length,
    finish() {
      const list = entries.map((e) => e.xml).join("");
      pkg.create(
        part,
        `${head}${list ? `<commentList>${list}</commentList>` : "<commentList/>"}</comments>`
      );
    },
  };
}

/** The sheet's existing comments part, edited in place. */
export async function domComments(pkg: Package, part: string): Promise<CommentsEditor> {
  const cdoc = await pkg.mustXml(part);
  const croot = cdoc.documentElement as XElement;
  let authors = child(croot, "authors");
  if (!authors) {
    authors = createLike(croot, "authors");
    croot.insertBefore(authors, croot.firstChild);
  }
  let list = child(croot, "commentList");
  if (!list) {
    list = createLike(croot, "commentList");
    authors.parentNode!.insertBefore(list, authors.nextSibling);
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
      const comment = createLike(croot, "comment");
      comment.setAttribute("ref", ref);
      comment.setAttribute("authorId", replacedAuthor.get(ref) ?? String(ensureAuthor()));
      const text = createLike(croot, "text");
      const r = createLike(croot, "r");
      const rPr = createLike(croot, "rPr");
      const props: [string, string][] = [
        ["sz", "9"],
        ["rFont", "宋体"],
        ["charset", "134"],
      ];
      for (const [k, v] of props) {
        const p = createLike(croot, k);
        p.setAttribute("val", v);
        rPr.appendChild(p);
      }
      const t = createLike(croot, "t");
      t.setAttribute("xml:space", "preserve");
      setText(t, xstring(note));
      r.appendChild(rPr);
      r.appendChild(t);
      text.appendChild(r);
      comment.appendChild(text);
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
