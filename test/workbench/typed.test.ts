/** The workbench's edit bar reads typing as Excel does: numbers and percentages as numbers, the rest as text. */
import { typedValue } from "../../workbench/SheetView";

test.each([
  ["322.06", 322.06],
  [" 57 ", 57],
  ["-0.5", -0.5],
  ["1e3", 1000],
  ["90%", 0.9],
  ["29.3%", 0.293],
  ["TRUE", true],
  ["false", false],
  ["有效提升", "有效提升"],
  ["57期", "57期"],
  ["", ""],
])("typing “%s” gives %p", (text, value) => {
  expect(typedValue(text)).toBe(value);
});
