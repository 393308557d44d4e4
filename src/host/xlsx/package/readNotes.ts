import type { PackageParts } from "./parts";
import { decodeEscapes, walk } from "./xml";

/**
 * A worksheet's notes (legacy comments) by cell address, however their text is stored: runs
 * (<r><t>), or a bare <t> as several tools write a plain note; phonetic runs left out. Wherever
 * the comments part is (xl/comments1.xml, xl/comments/comment1.xml): found through the sheet's
 * relationship. Line breaks read as "\n" whether stored as CR LF or LF.
 */
export function readNotes(parts: PackageParts, sheetPart: string): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const rel of parts.rels(sheetPart)) {
    if (rel.kind !== "comments" || rel.external || !parts.entry(rel.part)) continue;
    let ref: string | null = null;
    let text = "";
    let inText = false;
    let phonetic = 0;
    let collecting = false;
    walk(parts.text(rel.part) ?? "", {
      open(name, attrs) {
        if (name === "comment") {
          ref = (attrs.ref ?? "").toUpperCase();
          text = "";
        } else if (name === "text") inText = true;
        else if (name === "rPh") phonetic++;
        else if (name === "t" && inText && phonetic === 0) collecting = true;
      },
      text(t) {
        if (collecting) text += t;
      },
      close(name) {
        if (name === "t") collecting = false;
        else if (name === "rPh") phonetic--;
        else if (name === "text") inText = false;
        else if (name === "comment") {
          // a line break is "\n", as the writer writes it (WPS stores "_x000D_\n")
          const note = decodeEscapes(text).replace(/\r\n?/g, "\n");
          if (ref && note) notes[ref] = note;
          ref = null;
        }
      },
    });
  }
  return notes;
}
