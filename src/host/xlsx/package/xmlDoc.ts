import MagicString from "magic-string";
import { XML_DECL } from "./constants";
import { XmlIndex, indexXml, xmlSource } from "./xmlIndex";
import { XmlEl, type XmlChild } from "./xmlNode";
import { escAttr } from "./xmlText";

/**
 * A part being edited: its source text, the read-only index of its elements (xmlIndex.ts), and
 * the edits made through its elements (xmlNode.ts). Written back (`toString`), every edit becomes
 * a splice of the source with magic-string — an attribute's value overwritten, an attribute
 * inserted before ">" or "/>", an element removed, elements made here inserted at a child
 * position, a self-closing element expanded, an element's content replaced — so every byte no
 * edit touches stays as it was, by construction.
 */
export class XmlDoc {
  private readonly handles = new Map<number, XmlEl>();
  /** Source elements with edits (attributes, children, content). */
  private readonly touched = new Set<XmlEl>();

  private constructor(
    readonly index: XmlIndex,
    /** Read on a lenient index: its prolog is left as it is too. */
    readonly lenient: boolean
  ) {}

  /** Parse a part (its byte-order mark and blanks before the declaration left out). */
  static parse(text: string, part: string, lenient = false): XmlDoc {
    return new XmlDoc(indexXml(xmlSource(text), part, lenient), lenient);
  }

  /** A part to edit on the (strict) index the reader made of it. */
  static onIndex(index: XmlIndex): XmlDoc {
    return new XmlDoc(index, false);
  }

  get source(): string {
    return this.index.source;
  }

  get part(): string {
    return this.index.part;
  }

  get root(): XmlEl {
    return this.el(0);
  }

  /** The handle of source element `id` (one per element). */
  el(id: number): XmlEl {
    let h = this.handles.get(id);
    if (!h) {
      h = new XmlEl(this, id, this.index.name(id));
      this.handles.set(id, h);
    }
    return h;
  }

  /** A new element named `qname` in namespace `ns` (its prefix bound where it goes). */
  create(qname: string, ns: string | null): XmlEl {
    return XmlEl.make(this, qname, ns);
  }

  /** A new element written as the markup given (its first element). */
  fragment(markup: string, ns: string | null = null): XmlEl {
    const m = /^<([^\s/>]+)/.exec(markup);
    const el = XmlEl.make(this, m ? m[1] : "", ns);
    el.raw = markup;
    return el;
  }

  changed(el: XmlEl): void {
    if (el.isSource) this.touched.add(el);
  }

  get isChanged(): boolean {
    return this.touched.size > 0;
  }

  /** A source element that is still in the part (it and no ancestor removed or replaced). */
  isLive(el: XmlEl): boolean {
    const ix = this.index;
    for (let id = el.id; id >= 0; id = ix.parent[id]) {
      const h = this.handles.get(id);
      if (h && (h.removed || (h.replaced && h !== el))) return false;
    }
    return true;
  }

  /** The part with every edit spliced in. */
  toString(): string {
    const ix = this.index;
    const s = ix.source;
    const ms = new MagicString(s);
    const edits = [...this.touched].filter((el) => this.isLive(el));
    // removals first: the insertions made after them stay (magic-string clears a removed
    // chunk's appended text)
    for (const el of edits) {
      if (!el.kids || el.replaced || ix.close[el.id] < 0) continue;
      const kept = new Set(el.kids);
      for (let k = ix.first[el.id]; k >= 0; k = ix.next[k])
        if (!kept.has(this.el(k))) ms.remove(ix.start[k], ix.end[k]);
    }
    // attributes changed or removed, then content replaced, self-closing elements expanded
    for (const el of edits) {
      for (const [name, value] of el.attrEdits ?? []) {
        const a = el.sourceAttrs().find((x) => x.name === name);
        if (!a) continue;
        if (value === null) ms.remove(a.start, a.end);
        else if (a.end - 1 > a.valueStart)
          ms.overwrite(a.valueStart, a.end - 1, escAttr(value, a.quote));
        else ms.appendLeft(a.valueStart, escAttr(value, a.quote));
      }
      if (!el.kids) continue;
      const inner = (): string => el.kids!.map(markup).join("");
      if (ix.close[el.id] < 0) {
        if (el.kids.length > 0)
          ms.overwrite(ix.attrEnd[el.id], ix.open[el.id], `>${inner()}</${el.tagName}>`);
      } else if (el.replaced) {
        if (ix.close[el.id] > ix.open[el.id])
          ms.overwrite(ix.open[el.id], ix.close[el.id], inner());
        else ms.appendLeft(ix.open[el.id], inner());
      }
    }
    // insertions: attributes before ">" or "/>", made children at their place
    for (const el of edits) {
      for (const [name, value] of el.attrEdits ?? [])
        if (value !== null && !el.sourceAttrs().some((x) => x.name === name))
          ms.appendLeft(ix.attrEnd[el.id], ` ${name}="${escAttr(value)}"`);
      if (!el.kids || el.replaced || ix.close[el.id] < 0) continue;
      let run = "";
      for (const k of el.kids) {
        if (typeof k !== "string" && k.isSource) {
          if (run) ms.appendLeft(ix.start[k.id], run);
          run = "";
        } else run += markup(k);
      }
      if (run) ms.appendLeft(ix.close[el.id], run);
    }
    if (!this.lenient) this.declaration(ms);
    return ms.toString();
  }

  /** The bytes are UTF-8 whatever the input's declaration said; a part without one gets one. */
  private declaration(ms: MagicString): void {
    const s = this.index.source;
    if (!s.startsWith("<?xml")) {
      ms.prepend(XML_DECL);
      return;
    }
    const m = /^<\?xml[^?]*?encoding=(["'])([^"']*)\1/.exec(s);
    if (m && m[2] !== "UTF-8") {
      const at = m[0].length - 1 - m[2].length;
      ms.overwrite(at, at + m[2].length, "UTF-8");
    }
  }
}

function markup(k: XmlChild): string {
  return typeof k === "string" ? k : k.serialize();
}
