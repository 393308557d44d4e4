import { Parser } from "htmlparser2";

/**
 * Reading XML parts with htmlparser2 in xmlMode: names by their local part (a prefix is whatever
 * the writer chose: "x:c", "c" with a default namespace), entities decoded, exact source offsets.
 * `walk` streams the events (a sheet of 10,000 rows makes no objects); `tree` builds a small
 * element tree for the small parts (workbook, rels, styles, comments).
 */
export interface XmlEvents {
  open?(name: string, attrs: Record<string, string>, start: number): void;
  text?(text: string): void;
  close?(name: string, end: number): void;
}

export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Attributes by local name (xmlns declarations left out; "r:id" is "id"). */
function localAttrs(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in attrs) {
    if (key === "xmlns" || key.startsWith("xmlns:")) continue;
    const local = localName(key);
    if (!(local in out) || key.indexOf(":") < 0) out[local] = attrs[key];
  }
  return out;
}

export function walk(text: string, events: XmlEvents): void {
  const parser: Parser = new Parser(
    {
      onopentag: (name, attrs) =>
        events.open?.(localName(name), localAttrs(attrs), parser.startIndex),
      ontext: events.text ? (t) => events.text!(t) : undefined,
      onclosetag: (name) => events.close?.(localName(name), parser.endIndex + 1),
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true }
  );
  parser.end(text);
}

export interface XmlElement {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlElement[];
  /** The text directly inside (not in child elements). */
  text: string;
  readonly start: number;
  end: number;
}

/** The document element of `text` as a tree, or null when there is none. */
export function tree(text: string): XmlElement | null {
  const root: XmlElement = {
    name: "#document",
    attrs: {},
    children: [],
    text: "",
    start: 0,
    end: 0,
  };
  const stack: XmlElement[] = [root];
  walk(text, {
    open(name, attrs, start) {
      const el: XmlElement = { name, attrs, children: [], text: "", start, end: start };
      stack[stack.length - 1].children.push(el);
      stack.push(el);
    },
    text(t) {
      stack[stack.length - 1].text += t;
    },
    close(_name, end) {
      const el = stack.pop();
      if (el) el.end = end;
      if (stack.length === 0) stack.push(root);
    },
  });
  return root.children[0] ?? null;
}

export function childrenOf(el: XmlElement | null | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

export function childOf(el: XmlElement | null | undefined, name: string): XmlElement | null {
  return el?.children.find((c) => c.name === name) ?? null;
}

/**
 * The text of a string item (<si>, <is>, a comment's <text>): its <t>, or its runs' <t> joined;
 * phonetic runs (<rPh>) left out. Excel's `_xHHHH_` escapes are decoded.
 */
export function stringItemText(el: XmlElement): string {
  let out = "";
  for (const c of el.children) {
    if (c.name === "t") out += c.text;
    else if (c.name === "r") for (const t of childrenOf(c, "t")) out += t.text;
  }
  return decodeEscapes(out);
}

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeEscapes(s: string): string {
  return s.indexOf("_x") < 0
    ? s
    : s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
