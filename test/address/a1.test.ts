import fc from "fast-check";
import {
  cellPosition,
  columnLetters,
  columnNumber,
  containsRect,
  intersects,
  localAddress,
  MAX_COLS,
  MAX_ROWS,
  parseAddress,
  parseRange,
  qualified,
  quoteSheet,
  rectAddress,
  readRange,
  splitSheet,
  toAddress,
} from "../../src/address";

describe("columns", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("column %i is %s and back", (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
  });

  it("round-trips every column of a sheet", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_COLS }), (n) => {
        expect(columnNumber(columnLetters(n))).toBe(n);
      })
    );
  });

  it.each([0, -1, 1.5, MAX_COLS + 1, NaN])("refuses column number %s", (n) => {
    expect(() => columnLetters(n)).toThrow(RangeError);
  });

  it.each(["", "XFE", "AAAA", "A1", "中"])("refuses column letters %j", (letters) => {
    expect(() => columnNumber(letters)).toThrow(RangeError);
  });
});

describe("cells", () => {
  it.each([
    ["A1", 1, 1],
    ["B8", 8, 2],
    ["$B$8", 8, 2],
    ["$AA10", 10, 27],
    ["AZ$3", 3, 52],
    [" h6 ", 6, 8],
    ["XFD1048576", MAX_ROWS, MAX_COLS],
  ])("%j is row %i, column %i", (address, row, col) => {
    expect(parseAddress(address)).toEqual({ row, col });
  });

  it("round-trips any cell of a sheet", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ROWS }),
        fc.integer({ min: 1, max: MAX_COLS }),
        (row, col) => {
          expect(parseAddress(toAddress(row, col))).toEqual({ row, col });
        }
      )
    );
  });

  it.each(["", "A", "8", "A0", "1A", "A1:B2", "XFE1", "A1048577", "A-1", "$$A1", "Sheet1!A1"])(
    "refuses %j as a cell",
    (address) => {
      expect(() => parseAddress(address)).toThrow("不是单元格地址");
    }
  );

  it("refuses a row off the sheet when writing an address", () => {
    expect(() => toAddress(0, 1)).toThrow(RangeError);
    expect(() => toAddress(MAX_ROWS + 1, 1)).toThrow(RangeError);
  });
});

describe("cellPosition, the scanner for a sheet's <c r> loops", () => {
  it("agrees with parseAddress on every cell of a sheet, with and without $", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ROWS }),
        fc.integer({ min: 1, max: MAX_COLS }),
        fc.boolean(),
        (row, col, dollars) => {
          const a = toAddress(row, col);
          const ref = dollars ? `$${columnLetters(col)}$${row}` : a;
          expect(cellPosition(ref)).toEqual(parseAddress(ref));
          expect(cellPosition(a.toLowerCase())).toEqual({ row, col });
        }
      ),
      { numRuns: 500 }
    );
  });

  it.each([
    "",
    "A",
    "8",
    "A0",
    "1A",
    "A1:B2",
    "XFE1",
    "A1048577",
    "A-1",
    "$$A1",
    "Sheet1!A1",
    "AAAA1",
    "A12345678",
  ])("refuses %j, as parseAddress does", (ref) => {
    expect(cellPosition(ref)).toBeNull();
    expect(() => parseAddress(ref)).toThrow();
  });
});

describe("ranges", () => {
  it("reads corners in any order, and one cell as its own range", () => {
    expect(parseRange("B8:C12")).toEqual({ top: 8, left: 2, bottom: 12, right: 3 });
    expect(parseRange("C12:B8")).toEqual({ top: 8, left: 2, bottom: 12, right: 3 });
    expect(parseRange("$B$8")).toEqual({ top: 8, left: 2, bottom: 8, right: 2 });
  });

  it("reads whole columns and whole rows", () => {
    expect(parseRange("A:C")).toEqual({ top: 1, left: 1, bottom: MAX_ROWS, right: 3 });
    expect(parseRange("$3:$5")).toEqual({ top: 3, left: 1, bottom: 5, right: MAX_COLS });
  });

  it("reads sheet-qualified ranges, quoted or not, with '' escapes", () => {
    expect(parseRange("Sheet1!A1:B2")).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(parseRange("'《丰台报》相关费用'!B2:I28")).toEqual({
      top: 2,
      left: 2,
      bottom: 28,
      right: 9,
    });
    expect(splitSheet("'O''Brien''s'!A1")).toEqual({ sheet: "O'Brien's", local: "A1" });
    expect(splitSheet("'a!b'!C3")).toEqual({ sheet: "a!b", local: "C3" });
    expect(splitSheet("B2:C3")).toEqual({ sheet: null, local: "B2:C3" });
    expect(localAddress("'《丰台报》'!$B$2:I28")).toBe("B2:I28");
  });

  it.each(["", "A1:", ":B2", "A1:B2:C3", "A:3", "A", "3", "A0:B2", "AAAA1", "'x'A1", "#REF!"])(
    "refuses %j as a range",
    (range) => {
      expect(readRange(splitSheet(range).local)).toBeNull();
      expect(() => parseRange(range)).toThrow("不是单元格区域");
    }
  );

  it("writes a rectangle back as the range it was read from", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ROWS }),
        fc.integer({ min: 1, max: MAX_COLS }),
        fc.integer({ min: 1, max: MAX_ROWS }),
        fc.integer({ min: 1, max: MAX_COLS }),
        (r1, c1, r2, c2) => {
          const rect = parseRange(`${toAddress(r1, c1)}:${toAddress(r2, c2)}`);
          expect(parseRange(rectAddress(rect))).toEqual(rect);
        }
      )
    );
    expect(rectAddress({ top: 8, left: 2, bottom: 8, right: 2 })).toBe("B8");
    expect(rectAddress({ top: 1, left: 26, bottom: 3, right: 28 })).toBe("Z1:AB3");
  });

  it("quotes a sheet name only where Excel does, and reads it back", () => {
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("评分汇总")).toBe("评分汇总");
    expect(quoteSheet("《丰台报》相关费用")).toBe("'《丰台报》相关费用'");
    expect(quoteSheet("my sheet")).toBe("'my sheet'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    for (const name of ["Sheet1", "O'Brien", "a!b", "《表》", "'x'", "2020"]) {
      const text = qualified(name, { top: 2, left: 2, bottom: 28, right: 9 });
      expect(splitSheet(text)).toEqual({ sheet: name, local: "B2:I28" });
    }
  });

  it("tells whether rectangles contain or meet each other", () => {
    const big = parseRange("B2:H20");
    expect(containsRect(big, parseRange("C3:D4"))).toBe(true);
    expect(containsRect(big, parseRange("A3:D4"))).toBe(false);
    expect(intersects(big, parseRange("H20:J22"))).toBe(true);
    expect(intersects(big, parseRange("I1:J22"))).toBe(false);
  });
});
