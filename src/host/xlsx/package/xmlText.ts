/**
 * XML text: escaping what the writer writes (text, attribute values, SpreadsheetML strings),
 * decoding what it reads back, and the attributes of a start tag read straight from the source.
 */

export const PREDEFINED: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};
const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_][\w.-]*));/g;

/** The references in `s` decoded, nothing else. */
export function decodeRefs(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (whole, hex: string, dec: string, name: string) => {
    if (name !== undefined) return PREDEFINED[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text an attribute value or character data stands for (XML 1.0 §2.11, §3.3.3, §4.6). */
export function decodeXml(raw: string, attr: boolean): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (attr && (s.indexOf("\n") >= 0 || s.indexOf("\t") >= 0)) s = s.replace(/[\n\t]/g, " ");
  return decodeRefs(s);
}

/**
 * Character data as written (text, CDATA sections, comments, PIs) → the text it carries.
 * `lineEnds`: CR LF and CR read as LF, as XML says (false: as the reader has always read cells).
 */
export function decodeContent(raw: string, lineEnds = true): string {
  const decode = (t: string): string => (lineEnds ? decodeXml(t, false) : decodeRefs(t));
  if (raw.indexOf("<") < 0) return decode(raw);
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const lt = raw.indexOf("<", i);
    if (lt < 0) {
      out += decode(raw.slice(i));
      break;
    }
    out += decode(raw.slice(i, lt));
    if (raw.startsWith("<![CDATA[", lt)) {
      const end = raw.indexOf("]]>", lt + 9);
      const data = raw.slice(lt + 9, end);
      out += lineEnds ? data.replace(/\r\n?/g, "\n") : data;
      i = end + 3;
    } else if (raw.startsWith("<!--", lt)) i = raw.indexOf("-->", lt + 4) + 3;
    else i = raw.indexOf(">", lt) + 1; // a processing instruction
  }
  return out;
}

/** One attribute of a start tag: its name, value as written, and where it is. */
export interface AttrSpan {
  readonly name: string;
  /** From the space before the name to just after the closing quote. */
  readonly start: number;
  readonly end: number;
  /** The value as written, between its quotes: [valueStart, end - 1). */
  readonly valueStart: number;
  readonly quote: string;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The attributes written in s[from, to) (the part of a start tag after its name). */
export function scanAttributes(s: string, from: number, to: number): AttrSpan[] {
  const out: AttrSpan[] = [];
  let j = from;
  while (j < to) {
    const start = j;
    while (j < to && isSpace(s.charCodeAt(j))) j++;
    if (j >= to) break;
    const nameStart = j;
    while (j < to && !isSpace(s.charCodeAt(j)) && s.charCodeAt(j) !== 61) j++;
    const name = s.slice(nameStart, j);
    while (j < to && s.charCodeAt(j) !== 34 && s.charCodeAt(j) !== 39) j++;
    if (j >= to) break; // (a lenient part's attribute without a quoted value)
    const quote = s[j];
    const close = s.indexOf(quote, j + 1);
    if (close < 0 || close >= to) break;
    out.push({ name, start, end: close + 1, valueStart: j + 1, quote });
    j = close + 1;
  }
  return out;
}

/** s has none of the characters XML escapes, and none it cannot carry (the usual case, tested fast). */
export function plainXmlText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      c < 0x20 ||
      c === 38 || // &
      c === 60 || // <
      c === 62 || // >
      c === 34 || // "
      c === 39 || // '
      c === 95 || // _ (a "_xHHHH_" escape)
      (c >= 0xd800 && c <= 0xdfff) ||
      c >= 0xfffe
    )
      return false;
  }
  return true;
}

export function escText(s: string): string {
  if (plainXmlText(s)) return s;
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;");
}

/** An attribute value, escaped for the quote it goes between. */
export function escAttr(s: string, quote = '"'): string {
  if (plainXmlText(s)) return s;
  const out = escText(s).replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
  return quote === "'" ? out.replace(/'/g, "&apos;") : out.replace(/"/g, "&quot;");
}

// characters XML 1.0 cannot carry, and lone surrogates: matching control characters is the point
export const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** xstring leaves s as it is: no \r, no "_x", nothing XML cannot carry (tested fast). */
export function xstringAsIs(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      c < 0x20
        ? c !== 9 && c !== 10
        : c === 95
          ? s.charCodeAt(i + 1) === 120 // "_x"
          : c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)
    )
      return false;
  }
  return true;
}

/** Text for a SpreadsheetML string (ST_Xstring): "_xHHHH_" escapes for what XML cannot carry. */
export function xstring(s: string): string {
  if (xstringAsIs(s)) return s;
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(
      XML_INVALID,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    );
}

/** Text for an attribute or non-string content: what XML cannot carry is dropped. */
export function plainText(s: string): string {
  if (plainXmlText(s)) return s;
  return s.replace(XML_INVALID, "");
}

/** attributeIn's regular expressions, by attribute name. */
const ATTRIBUTE_BY_NAME = new Map<string, RegExp>();

/**
 * The value of attribute `name` in s[from, to) (the part of a start tag after its name), or
 * null. A regular expression: it runs as machine code from the first call, where a loop over
 * the characters would run interpreted through most of a one-off command.
 */
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
  return decodeXml(m[1] ?? m[2], true);
}
