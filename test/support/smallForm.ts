import ExcelJS from "exceljs";

/** A small Fengtai-style form on a sheet; `patch` edits cells before writing. */
export function formSheet(
  wb: ExcelJS.Workbook,
  name: string,
  patch: Record<string, ExcelJS.CellValue> = {}
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const rows: ExcelJS.CellValue[][] = [
    ["项目名称", "测试项目"],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 100, 100, 95, 10, null, null],
    [
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    ["产出指标", "数量指标", "出版期数", "≥10期", "12期", 45, null, null],
    ["效益指标", "社会效益指标", "影响力", "有效提升", "有效提升", 45, null, null],
    ["总分", null, null, null, null, 100, null],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => (ws.getCell(i + 1, c + 1).value = v)));
  for (const [address, value] of Object.entries(patch)) ws.getCell(address).value = value;
  return ws;
}
