/**
 * The WPS behaviours the add-in relies on, checked on a real WPS 表格 (docs/wps-check.md says how to
 * run it: in the add-in's task pane, F12, then load this file). It works on two scratch sheets it
 * adds and deletes, prints one row per check (what the fake of WPS assumes, what this WPS did) with
 * console.table, and shows the same table in the page. Nothing else of the workbook is touched.
 * Plain JavaScript, no bundling: copy it as it is.
 */
/* global wps */
(function () {
  var rows = [];
  function check(name, expected, run) {
    var got;
    try {
      got = run();
    } catch (e) {
      got = "抛出: " + (e && e.message ? e.message : String(e));
    }
    var text = JSON.stringify(got);
    rows.push({
      检查: name,
      预期: JSON.stringify(expected),
      实际: text,
      一致: text === JSON.stringify(expected) ? "是" : "否",
    });
  }

  var app = wps.EtApplication();
  var book = app.ActiveWorkbook;
  var sheets = book.Worksheets;
  var before = book.ActiveSheet;
  app.DisplayAlerts = false;
  var ws = sheets.Add(null, sheets.Item(sheets.Count));
  ws.Name = "_wps_check_1";

  check("Range.Address(false,false) 为 A1 形式", "A1:B2", function () {
    return ws.Range("A1:B2").Address(false, false);
  });
  check(
    "多单元格 Value2 写入并读回二维数组",
    [
      [1, "a"],
      [true, 2.5],
    ],
    function () {
      ws.Range("A1:B2").Value2 = [
        [1, "a"],
        [true, 2.5],
      ];
      return ws.Range("A1:B2").Value2;
    }
  );
  check("单个单元格 Value2 读回标量", 1, function () {
    return ws.Range("A1").Value2;
  });
  check("空单元格在 Value2 数组中为 undefined/null/空串（记录类型）", "记录", function () {
    var v = ws.Range("C1:C2").Value2;
    return Array.isArray(v) ? "记录" : "非数组: " + typeof v;
  });
  rows[rows.length - 1].实际 +=
    "；C1 的类型: " +
    typeof (ws.Range("C1:C2").Value2 || [[]])[0][0] +
    "，值: " +
    JSON.stringify((ws.Range("C1:C2").Value2 || [[]])[0][0]);
  check("Formula 写入公式，多单元格读回二维数组", [["=A1+1"], [""]], function () {
    ws.Range("D1").Formula = "=A1+1";
    return ws.Range("D1:D2").Formula;
  });
  check("常量单元格的 Formula 为其文本", "1", function () {
    return ws.Range("A1").Formula;
  });
  check("以 ' 开头写入的文本保持文本", "00012", function () {
    ws.Range("E1").Value2 = "'00012";
    return ws.Range("E1").Value2;
  });
  check("NumberFormat：一致时为格式文本", "0.00", function () {
    ws.Range("A1").NumberFormat = "0.00";
    return ws.Range("A1").NumberFormat;
  });
  check("NumberFormat：不一致时为 null", null, function () {
    return ws.Range("A1:B1").NumberFormat;
  });
  check("Interior.Color 写入 BGR 并读回", 13551615, function () {
    ws.Range("A1").Interior.Color = 13551615; // FFC7CE
    return ws.Range("A1").Interior.Color;
  });
  check("Interior.Color：无填充读作 16777215", 16777215, function () {
    return ws.Range("B1").Interior.Color;
  });
  check("Interior.Color：不一致时为 null", null, function () {
    return ws.Range("A1:B1").Interior.Color;
  });
  check("Interior.ColorIndex = -4142 清除填充", 16777215, function () {
    ws.Range("A1").Interior.ColorIndex = -4142;
    return ws.Range("A1").Interior.Color;
  });
  check("MergeCells：全部合并为 true", true, function () {
    ws.Range("F1:G2").Merge();
    return ws.Range("F1:G2").MergeCells;
  });
  check("MergeCells：部分合并为 null", null, function () {
    return ws.Range("F1:H1").MergeCells;
  });
  check("MergeCells：无合并为 false", false, function () {
    return ws.Range("A5:B6").MergeCells;
  });
  check("MergeArea 给出合并区域", "F1:G2", function () {
    return ws.Range("G2").MergeArea.Address(false, false);
  });
  check("写入合并区域的隐藏单元格（伪对象会抛出）", "记录", function () {
    ws.Range("G2").Value2 = "x";
    return "记录";
  });
  rows[rows.length - 1].实际 += "；G2 读回: " + JSON.stringify(ws.Range("G2").Value2);
  check("AddComment 与 Comment.Text()", "说明", function () {
    return ws.Range("A1").AddComment("说明").Text();
  });
  check("Comment.Text(新文本) 替换全文", "新说明", function () {
    ws.Range("A1").Comment.Text("新说明");
    return ws.Range("A1").Comment.Text();
  });
  check("对已有批注的单元格再 AddComment（伪对象会抛出）", "抛出", function () {
    try {
      ws.Range("A1").AddComment("再次");
      return "未抛出";
    } catch {
      return "抛出";
    }
  });
  check("Worksheet.Comments 的 Count 与 Item(1).Parent", [1, "A1"], function () {
    return [ws.Comments.Count, ws.Comments.Item(1).Parent.Address(false, false)];
  });
  check("无批注单元格的 Comment 为 null", null, function () {
    return ws.Range("B2").Comment;
  });
  check("Comment.Delete()", 0, function () {
    ws.Range("A1").Comment.Delete();
    return ws.Comments.Count;
  });
  check("UsedRange 包含只设了格式的单元格", "A1:J12", function () {
    ws.Range("J12").NumberFormat = "0.00";
    return ws.UsedRange.Address(false, false);
  });
  check("Font.Bold 可写", true, function () {
    ws.Range("A1").Font.Bold = true;
    return ws.Range("A1").Font.Bold;
  });
  check("拼错的成员被 WPS 静默忽略（伪对象会抛出）", "undefined", function () {
    return typeof ws.Range("A1").Vaule2;
  });

  var heard = [];
  wps.ApiEvent.AddApiEventListener("SheetChange", function (sheet, range) {
    heard.push(range.Address(false, false));
  });
  app.EnableEvents = false;
  ws.Range("A3").Value2 = 1;
  app.EnableEvents = true;
  ws.Range("A4").Value2 = 1;
  check("加载项自己的写入触发 SheetChange（同步时立即可见）", ["A4"], function () {
    return heard.slice();
  });

  var ws2 = sheets.Add(null, sheets.Item(sheets.Count));
  ws2.Name = "_wps_check_2";
  check("Visible = 2（xlSheetVeryHidden）", 2, function () {
    ws2.Visible = 2;
    return ws2.Visible;
  });
  check("受保护工作表：ProtectContents 为 true，写入抛出", [true, "抛出"], function () {
    ws.Protect();
    var refused = "未抛出";
    try {
      ws.Range("A9").Value2 = 1;
    } catch {
      refused = "抛出";
    }
    var p = ws.ProtectContents;
    ws.Unprotect();
    return [p, refused];
  });
  check("ChartObjects().Add 与图表的数据、类型、标题", "自评等级分布", function () {
    var c = ws.ChartObjects().Add(100, 100, 300, 200).Chart;
    c.SetSourceData(ws.Range("A1:B2"));
    c.ChartType = 51;
    c.HasTitle = true;
    c.ChartTitle.Text = "自评等级分布";
    return c.ChartTitle.Text;
  });
  check("PluginStorage 可读写", "1", function () {
    wps.PluginStorage.setItem("selfeval_check", "1");
    return wps.PluginStorage.getItem("selfeval_check");
  });
  check("localStorage 可用（规则设置按工作簿保存在此）", "1", function () {
    window.localStorage.setItem("selfeval_check", "1");
    return window.localStorage.getItem("selfeval_check");
  });

  setTimeout(function () {
    rows.push({
      检查: "SheetChange 在 0.5 秒内送达的地址",
      预期: JSON.stringify(["A4"]),
      实际: JSON.stringify(heard),
      一致: JSON.stringify(heard) === JSON.stringify(["A4"]) ? "是" : "否",
    });
    wps.ApiEvent.RemoveApiEventListener("SheetChange");
    ws2.Visible = -1;
    ws2.Delete();
    ws.Delete();
    before.Activate();
    app.DisplayAlerts = true;
    console.table(rows);
    var table = document.createElement("pre");
    table.textContent = rows
      .map(function (r) {
        return [r.一致, r.检查, "预期 " + r.预期, "实际 " + r.实际].join(" | ");
      })
      .join("\n");
    document.body.appendChild(table);
  }, 500);
})();
