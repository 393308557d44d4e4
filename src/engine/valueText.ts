/** A target or actual cell's text made plain before it is read: half-width, no separators, digits. */
import { stripSpace, toHalfWidth } from "./text";

const CN_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const CN_NUMERAL = /[一二两三四五六七八九十]/;

/** Small Chinese numerals before a measure word: 两次 → 2次, 十二期 → 12期. */
function chineseCounts(text: string): string {
  if (!CN_NUMERAL.test(text)) return text;
  return text.replace(
    /(^|[^第统进一之万])([一二两三四五六七八九十]{1,3})(?=(个|次|项|篇|期|场|人|件|套|条|家|名|批|轮|天|本|部|集|所|台|处))/g,
    (whole, pre: string, num: string) => {
      let n = 0;
      if (num.includes("十")) {
        const [tens, ones] = num.split("十");
        n =
          (tens === "" ? 1 : (CN_DIGITS[tens] ?? NaN)) * 10 +
          (ones === "" ? 0 : (CN_DIGITS[ones] ?? NaN));
      } else if (num.length === 1) {
        n = CN_DIGITS[num];
      } else {
        return whole;
      }
      return Number.isNaN(n) ? whole : `${pre}${n}`;
    }
  );
}

/** Half-width, no whitespace, no thousands separators, %% → %. */
export function normalizeValueText(text: string): string {
  let s = stripSpace(toHalfWidth(text));
  if (/[≧≦％]|%%/.test(s))
    s = s.replace(/≧/g, "≥").replace(/≦/g, "≤").replace(/%%+/g, "%").replace(/％/g, "%");
  // thousands separators: 1,000 and 1，000 (already half-width) — only groups of exactly three digits
  if (s.includes(",")) s = s.replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
  return chineseCounts(s);
}
