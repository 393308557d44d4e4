/**
 * A pure function of a text computed once per distinct text, for one scoring pass: a workbook
 * repeats its texts (≥90%, 有效提升, 数量指标, its headers) from row to row and tab to tab.
 * The results are shared, so they must be immutable. At most `limit` texts are kept.
 */
export function once<T>(f: (text: string) => T, limit = 50000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) {
      value = f(text);
      if (seen.size < limit) seen.set(text, value);
    }
    return value;
  };
}
