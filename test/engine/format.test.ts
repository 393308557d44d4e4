/**
 * The explanation's numbers: pct and plain give the digits of the plain definitions (the fraction
 * times 100, rounded half up; toFixed without trailing zeros) for any decimal, however written.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { Dec, digitsDecimal, plain } from "../../src/engine/decimal";
import { groupThousands, pct } from "../../src/engine/format";

/** The definitions pct and plain are faster forms of. */
function plainByDefinition(value: Decimal): string {
  const s = value.toFixed();
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}
function pctByDefinition(fraction: Decimal, decimals = 2): string {
  const shown = fraction.times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  if (shown.equals(100) && !fraction.equals(1) && decimals < 6)
    return pctByDefinition(fraction, decimals + 2);
  return `${plainByDefinition(shown)}%`;
}

/** Decimals as the engine meets them: ratios of amounts, small fractions, large overshoots. */
const decimals = fc.oneof(
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.bigInt({ min: 1n, max: 10n ** 14n }))
    .map(([a, b]) => new Dec(a.toString()).dividedBy(b.toString())),
  fc
    .tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 12 }))
    .map(([d, e]) => new Dec(d).dividedBy(new Dec(10).pow(e))),
  fc
    .constantFrom("0", "1", "0.99995", "0.999999", "1.000001", "0.005", "0.00005", "635", "-0.5")
    .map((s) => new Dec(s))
);

describe("pct", () => {
  it.each([
    ["0.6875", "68.75%"],
    ["1", "100%"],
    ["0.5", "50%"],
    ["0.903186", "90.32%"],
    ["0.00005", "0.01%"],
    ["635", "63500%"],
    ["1.00001", "100.001%"],
    ["0.9999", "99.99%"],
    ["0.99999", "99.999%"],
  ])("%s is %s", (fraction, shown) => {
    expect(pct(new Dec(fraction))).toBe(shown);
  });

  it("683.93 ÷ 683.92 shows the decimals that tell it from 100%", () => {
    expect(pct(new Dec("683.93").dividedBy("683.92"))).toBe("100.0015%");
  });

  it("gives the digits of the fraction times 100 rounded half up, for any decimal", () => {
    fc.assert(
      fc.property(decimals, fc.integer({ min: 0, max: 6 }), (d, places) => {
        expect(pct(d, places)).toBe(pctByDefinition(d, places));
      }),
      { numRuns: 2000 }
    );
  });
});

describe("plain", () => {
  it.each([
    ["9.80", "9.8"],
    ["100", "100"],
    ["1e-7", "0.0000001"],
    ["1e21", "1000000000000000000000"],
    ["0.10", "0.1"],
  ])("%s is %s", (written, shown) => {
    expect(plain(new Dec(written))).toBe(shown);
  });

  it("is toFixed without trailing zeros, for any decimal", () => {
    fc.assert(
      fc.property(decimals, (d) => {
        expect(plain(d)).toBe(plainByDefinition(d));
      }),
      { numRuns: 2000 }
    );
  });
});

describe("digitsDecimal", () => {
  it("is the Decimal of the digits as written, whole or not, with leading zeros", () => {
    const digits = fc.oneof(
      fc.stringMatching(/^\d{1,9}$/),
      fc.stringMatching(/^\d{1,8}\.\d{1,6}$/)
    );
    fc.assert(
      fc.property(digits, (d) => {
        expect(digitsDecimal(d).toFixed()).toBe(new Dec(d).toFixed());
      }),
      { numRuns: 2000 }
    );
  });
});

describe("groupThousands", () => {
  it.each([
    ["0.00", "0.00"],
    ["999.99", "999.99"],
    ["1000.00", "1,000.00"],
    ["1234567.89", "1,234,567.89"],
    ["-1234.50", "-1,234.50"],
    ["1234567", "1,234,567"],
    ["-100", "-100"],
  ])("%s → %s", (fixed, grouped) => {
    expect(groupThousands(fixed)).toBe(grouped);
  });
});
