import { StartTag, XAttr, XMLNS_NS, XScope } from "./xmlNode";
import { XDocument } from "./xmlDocument";

/** Scanning XML text: entities, names, start tags, attributes, read straight from the source. */
export const PREDEFINED: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};
export const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_][\w.-]*));/g;

/** The text an attribute value or character data stands for (XML 1.0 §2.11, §3.3.3, §4.6). */
export function decodeXml(raw: string, attr: boolean): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (attr && (s.indexOf("\n") >= 0 || s.indexOf("\t") >= 0)) s = s.replace(/[\n\t]/g, " ");
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (whole, hex: string, dec: string, name: string) => {
    if (name !== undefined) return PREDEFINED[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** An attribute value as written → its value. */
export function attrValue(raw: string): string {
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c === 38 || c === 13 || c === 10 || c === 9) return decodeXml(raw, true);
  }
  return raw;
}

/** Where in `raw` a reference XML does not know starts, or -1. */
export function badReference(raw: string): number {
  let i = raw.indexOf("&");
  while (i >= 0) {
    const semi = raw.indexOf(";", i);
    if (semi < 0) return i;
    const ref = raw.slice(i + 1, semi);
    if (!(ref in PREDEFINED) && !/^#[0-9]+$/.test(ref) && !/^#x[0-9A-Fa-f]+$/.test(ref)) return i;
    i = raw.indexOf("&", semi);
  }
  return -1;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** A character that ends a name: space, =, /, >, quote, <, or the end of the text (NaN). */
export function endsName(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 13 ||
    c === 9 ||
    c === 61 ||
    c === 47 ||
    c === 62 ||
    c === 34 ||
    c === 39 ||
    c === 60 ||
    c !== c
  );
}

/** s[a, a + n) and s[b, b + n) are the same text. */
export function sameText(s: string, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

export function lineOf(s: string, at: number): string {
  let line = 1;
  for (let i = s.indexOf("\n"); i >= 0 && i < at; i = s.indexOf("\n", i + 1)) line++;
  return `第 ${line} 行`;
}

/** A start tag already found well-formed: where its attributes end and it closes. */
// Start tags are matched with regular expressions: they run as machine code from the first call,
// where a loop over the characters would run interpreted through most of a one-off command.

/** A well-formed start tag (names loosely: no space, quote, <, >, / or =). */
export const START_TAG =
  /<[^\s"'<>/=!?][^\s"'<>/=]*(?:\s+[^\s"'<>/=]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*\/?>/y;
/** A reference XML knows. */
export const REFERENCE = /&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/y;

/** Where the start tag at `lt` ends (just after ">"), or -1 when it is not well-formed. */
export function startTagEnd(s: string, lt: number): number {
  START_TAG.lastIndex = lt;
  return START_TAG.test(s) ? START_TAG.lastIndex : -1;
}

/** The end of a start tag's name and attributes, from where it ends. */
export function attributesEnd(s: string, open: number): number {
  let k = open - 1;
  if (s.charCodeAt(k - 1) === 47) k--;
  while (isSpace(s.charCodeAt(k - 1))) k--;
  return k;
}

/** The start tag at `lt` of a parsed document (`doc` knows which tags declare namespaces). */
export function scanStartTag(s: string, lt: number, doc: XDocument | null = null): StartTag {
  const open = doc ? startTagEnd(s, lt) : -1;
  if (open >= 0) {
    return {
      tagEnd: attributesEnd(s, open),
      open,
      selfClosing: s.charCodeAt(open - 2) === 47,
      declares: (doc as XDocument).declaring.has(lt),
    };
  }
  let j = lt + 1;
  while (!endsName(s.charCodeAt(j))) j++;
  let tagEnd = j;
  let declares = false;
  for (;;) {
    while (isSpace(s.charCodeAt(j))) j++;
    const ch = s.charCodeAt(j);
    if (ch === 62) return { tagEnd, open: j + 1, selfClosing: false, declares };
    if (ch === 47) return { tagEnd, open: j + 2, selfClosing: true, declares };
    if (s.startsWith("xmlns", j) && (s.charCodeAt(j + 5) === 58 || endsName(s.charCodeAt(j + 5))))
      declares = true;
    while (s.charCodeAt(j) !== 34 && s.charCodeAt(j) !== 39) j++;
    j = s.indexOf(s[j], j + 1) + 1;
    tagEnd = j;
  }
}

/** The attributes written in s[from, to) (a well-formed start tag), namespaces not resolved. */
export function readAttributes(s: string, from: number, to: number): XAttr[] {
  const out: XAttr[] = [];
  let j = from;
  while (j < to) {
    while (isSpace(s.charCodeAt(j))) j++;
    if (j >= to) break;
    const nameStart = j;
    while (!endsName(s.charCodeAt(j))) j++;
    const name = s.slice(nameStart, j);
    while (s.charCodeAt(j) !== 34 && s.charCodeAt(j) !== 39) j++;
    const quote = s[j];
    const close = s.indexOf(quote, j + 1);
    const raw = s.slice(j + 1, close);
    const colon = name.indexOf(":");
    const prefix = colon < 0 ? null : name.slice(0, colon);
    out.push(
      new XAttr(
        name,
        prefix,
        colon < 0 ? name : name.slice(colon + 1),
        prefix === "xmlns" || name === "xmlns" ? XMLNS_NS : null,
        attrValue(raw),
        raw,
        quote
      )
    );
    j = close + 1;
  }
  return out;
}

/** Resolve the prefixed attributes' namespaces in `scope`; refuse unbound prefixes and repeats. */
export function resolveAttributes(
  list: XAttr[],
  scope: XScope,
  origin: XDocument,
  at: number
): void {
  for (let k = 0; k < list.length; k++) {
    let a = list[k];
    if (a.prefix !== null && a.prefix !== "xmlns") {
      const ns = scope[a.prefix];
      if (!ns) origin.fail(`前缀 ${a.prefix} 未绑定命名空间`, at);
      a = list[k] = new XAttr(a.name, a.prefix, a.localName, ns, a.value, a.raw, a.quote);
    }
    // (the scan of the document leaves repeated attributes to here)
    for (let m = 0; m < k; m++) {
      const b = list[m];
      if (b.name === a.name || (b.localName === a.localName && b.namespaceURI === a.namespaceURI))
        origin.fail(`属性 ${a.name} 重复`, at);
    }
  }
}

/** The value of attribute `name` in s[from, to) (a well-formed start tag), or null. */
export function attributeIn(s: string, from: number, to: number, name: string): string | null {
  let find = ATTRIBUTE_BY_NAME.get(name);
  if (!find) {
    // the attributes before it (lazily: the first one matching), then it
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    find = new RegExp(
      `(?:\\s+[^\\s=]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*?\\s+${escaped}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`,
      "y"
    );
    ATTRIBUTE_BY_NAME.set(name, find);
  }
  find.lastIndex = from;
  const m = find.exec(s);
  if (!m || find.lastIndex > to) return null;
  return attrValue(m[1] ?? m[2]);
}

/** attributeIn's regular expressions, by attribute name. */
export const ATTRIBUTE_BY_NAME = new Map<string, RegExp>();
