/** Cell text made comparable: full-width to half-width, and a pure function memoised per pass. */
import fc from "fast-check";
import { once } from "../../src/engine/memo";
import { comparableText, toHalfWidth } from "../../src/engine/text";

/** The definition toHalfWidth is a one-pass form of. */
const halfWidthByDefinition = (text: string): string =>
  text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)
  );

describe("toHalfWidth", () => {
  it.each([
    ["（２０分）", "(20分)"],
    ["≥９０％", "≥90%"],
    ["分值\u3000权重", "分值 权重"],
    ["无全角", "无全角"],
    ["", ""],
    ["ＡｐｐＺ～！", "AppZ~!"],
  ])("%s → %s", (text, half) => {
    expect(toHalfWidth(text)).toBe(half);
  });

  it("returns the same string object when nothing is full-width", () => {
    const text = "数量指标（20分）".replace("（", "(").replace("）", ")");
    expect(toHalfWidth(text)).toBe(text);
  });

  it("agrees with the character-by-character definition on any text", () => {
    const chars = fc.oneof(
      fc.integer({ min: 0xff00, max: 0xff60 }).map((c) => String.fromCharCode(c)),
      fc.constantFrom("\u3000", "分", "指", "a", "1", " ", "%", "（", "）"),
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c))
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(toHalfWidth(text)).toBe(halfWidthByDefinition(text));
      }),
      { numRuns: 2000 }
    );
  });

  it("makes full-width comparison signs half-width for comparableText", () => {
    expect(comparableText("＞＝９０％")).toBe(comparableText(">=90%"));
  });
});

describe("once", () => {
  it("computes a function of a text once per distinct text and gives the same result", () => {
    const calls: string[] = [];
    const length = once((t: string) => {
      calls.push(t);
      return { n: t.length };
    });
    const first = length("数量指标");
    expect(length("数量指标")).toBe(first);
    expect(length("质量指标")).toEqual({ n: 4 });
    expect(calls).toEqual(["数量指标", "质量指标"]);
  });

  it("keeps at most `limit` texts and still computes the others", () => {
    let calls = 0;
    const f = once((t: string) => {
      calls++;
      return t.toUpperCase();
    }, 2);
    for (const t of ["a", "b", "c", "c", "a"]) f(t);
    expect(f("c")).toBe("C");
    expect(calls).toBe(5); // a, b kept; c computed each time it is asked
  });
});

describe("comparableText without a regex lookbehind (issue 19: ES2017 for the old Edge engine)", () => {
  /**
   * The definition it had, with a lookbehind (ES2018: Node parses it, EdgeHTML 18 does not); on
   * digits, dots and letters nothing else of comparableText changes the text.
   */
  const byLookbehind = (text: string): string => text.replace(/\.(?!\d)|(?<!\d)\./g, "");
  it("drops every dot but a decimal point, as the lookbehind did", () => {
    expect(comparableText("1.5万元。")).toBe("1.5万元");
    expect(comparableText("1..2.3.")).toBe("12.3");
    expect(comparableText(".5.a1.2.3")).toBe("5a1.2.3");
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9.a]{0,12}$/), (text) => {
        expect(comparableText(text)).toBe(byLookbehind(text));
      })
    );
  });
});
