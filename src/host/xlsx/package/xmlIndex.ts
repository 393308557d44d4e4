import { Tokenizer } from "htmlparser2";
import { IndexBuilder } from "./xmlIndexBuilder";

/**
 * A read-only index of a part's elements, from one pass of htmlparser2's tokenizer in xmlMode
 * (exact source offsets). Elements are numbered in document order (0 is the root); for each:
 * where its "<" is, where its name and its attributes end, where its start tag ends, where its
 * end tag starts and where it ends (self-closing: close = -1, end = open), its parent, first
 * child and next sibling. Strict (the default): the part must be well-formed — tags nest and
 * match, attributes are quoted, not repeated, prefixes bound, references known, one root —
 * which htmlparser2 itself forgives. Lenient (VML old Excel writes): what the tokenizer makes of
 * it, an end tag closing the elements left open inside it.
 */
export class XmlIndex {
  count = 0;
  start: number[] = [];
  nameEnd: number[] = [];
  attrEnd: number[] = [];
  open: number[] = [];
  close: number[] = [];
  end: number[] = [];
  parent: number[] = [];
  first: number[] = [];
  next: number[] = [];

  constructor(
    readonly source: string,
    /** The part, for messages. */
    readonly part: string
  ) {}

  fail(what: string, at: number): never {
    throw new Error(`无法解析 ${this.part}：${what}（${lineOf(this.source, at)}）`);
  }

  name(id: number): string {
    return this.source.slice(this.start[id] + 1, this.nameEnd[id]);
  }

  /** The id after the last element inside `id`. */
  after(id: number): number {
    let k = id + 1;
    const end = this.end[id];
    while (k < this.count && this.start[k] < end) k++;
    return k;
  }
}

/** A part's text as it is indexed: its byte-order mark and blanks before the declaration left out. */
export function xmlSource(text: string): string {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return /^\s/.test(source) ? source.replace(/^\s+(?=<\?xml)/, "") : source;
}

export function lineOf(s: string, at: number): string {
  let line = 1;
  for (let i = s.indexOf("\n"); i >= 0 && i < at; i = s.indexOf("\n", i + 1)) line++;
  return `第 ${line} 行`;
}

export function indexXml(s: string, part: string, lenient = false): XmlIndex {
  const b = new IndexBuilder(new XmlIndex(s, part), lenient);
  // (the builder's methods are the tokenizer's callbacks: one set of functions for every part,
  // which V8 inlines, where closures made per part would each be a new call target)
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
    b
  );
  tokenizer.write(s);
  tokenizer.end();
  return b.done();
}
