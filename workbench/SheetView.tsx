/**
 * A plain view of the fake workbook's sheets for the workbench: a tab per visible sheet and the
 * active sheet's used range as a table, with merged cells, fills, number formats as Excel would
 * show them, and a red corner on cells that carry a note (the note is the cell's title).
 * Above the grid, a name box and an edit bar as in Excel: double-click a cell (or type its
 * address), type, press Enter, and the fake records a person's edit (change events fire, so
 * 自动评分 can be tried). It reads the fake's document directly; it is a window onto the fake,
 * not part of the add-in.
 */
import { Button, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { FakeExcel } from "../fake-excel/fake";
import { toAddress as cellAddress, columnLetters as colLetters, type Rect } from "../src/address";
import { displayText, type SheetModel } from "../fake-excel/model";

/** Rows drawn at most: a sheet of 10,000 rows stays usable; the rest is said, not drawn. */
const MAX_DRAWN_ROWS = 400;

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", minWidth: 0, height: "100%" },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    gap: "2px",
    padding: "4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  tab: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    padding: "2px 8px",
    cursor: "pointer",
    fontSize: tokens.fontSizeBase200,
  },
  activeTab: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
  },
  scroller: { overflow: "auto", flexGrow: 1 },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "0 4px",
    fontWeight: tokens.fontWeightRegular,
    position: "sticky",
    top: 0,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 4px",
    maxWidth: "240px",
    verticalAlign: "top",
    position: "relative",
    whiteSpace: "pre-wrap",
  },
  number: { textAlign: "end" },
  noted: {
    "::after": {
      content: '""',
      position: "absolute",
      top: 0,
      right: 0,
      borderTop: "6px solid #c00000",
      borderLeft: "6px solid transparent",
    },
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  more: { padding: "4px 8px", color: tokens.colorNeutralForeground2 },
  bar: {
    display: "flex",
    gap: "4px",
    padding: "4px",
    alignItems: "center",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  nameBox: { width: "7em" },
  editBox: { flexGrow: 1 },
});

/** What typing a text into a cell gives, as Excel reads it: a number where it is one, else the text. */
export function typedValue(text: string): string | number | boolean {
  const t = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (/^[-+]?(\d+\.?\d*|\.\d+)%$/.test(t)) return Number(`${t.slice(0, -1)}e-2`);
  if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === "TRUE";
  return text;
}

export function SheetView(props: {
  readonly fake: FakeExcel;
  /** Bumped whenever the document may have changed (a sync ended, a tab was clicked). */
  readonly version: number;
  readonly onActivate: (sheet: string) => void;
  /** A person's edit of one cell (value "" clears it). */
  readonly onEdit: (sheet: string, address: string, value: string | number | boolean) => void;
}) {
  const styles = useStyles();
  const { fake } = props;
  const visible = fake.doc.sheets.filter((s) => s.visibility === "Visible");
  const active = fake.doc.sheets.find((s) => s.id === fake.doc.activeSheetId) ?? visible[0];
  const [address, setAddress] = useState("");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const pick = (a: string): void => {
    setAddress(a);
    const value = active ? fake.cell(active.name, a).value : null;
    setText(value === null || value === undefined ? "" : String(value));
    setProblem(null);
  };
  const commit = (): void => {
    const a = address.trim().toUpperCase();
    if (!active || !/^[A-Z]{1,3}[1-9]\d*$/.test(a)) {
      setProblem(`“${address}”不是单元格地址（例如 F6）`);
      return;
    }
    setProblem(null);
    props.onEdit(active.name, a, typedValue(text));
  };
  return (
    <section className={styles.view} aria-label="工作表视图">
      <form
        className={styles.bar}
        aria-label="编辑单元格"
        onSubmit={(e) => {
          e.preventDefault();
          commit();
        }}
      >
        <Input
          className={styles.nameBox}
          aria-label="单元格地址"
          placeholder="F6"
          value={address}
          onChange={(_, d) => setAddress(d.value)}
        />
        <Input
          id="workbench-edit"
          className={styles.editBox}
          aria-label="单元格内容"
          value={text}
          onChange={(_, d) => setText(d.value)}
        />
        <Button type="submit">输入</Button>
        {problem && <span role="alert">{problem}</span>}
      </form>
      <div role="tablist" aria-label="工作表" className={styles.tabs}>
        {visible.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s === active}
            className={mergeClasses(styles.tab, s === active && styles.activeTab)}
            onClick={() => props.onActivate(s.name)}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className={styles.scroller} role="tabpanel" aria-label={active?.name ?? "无工作表"}>
        {active ? (
          <SheetTable
            sheet={active}
            fake={fake}
            onPick={(a) => {
              pick(a);
              document.getElementById("workbench-edit")?.focus();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}

function SheetTable(props: {
  readonly sheet: SheetModel;
  readonly fake: FakeExcel;
  /** A double-click on a cell: edit it in the bar above. */
  readonly onPick: (address: string) => void;
}) {
  const styles = useStyles();
  const { sheet } = props;
  const used = sheet.usedRect(false);
  if (!used) return <p className={styles.more}>（空白工作表）</p>;
  const bottom = Math.min(used.bottom, MAX_DRAWN_ROWS);
  const right = sheet.merges.reduce(
    (r, m) => (m.top <= bottom ? Math.max(r, m.right) : r),
    used.right
  );
  const rect: Rect = { top: 1, left: 1, bottom, right };
  // Cells hidden under a merge, and the span of each merge's top-left cell.
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(cellAddress(m.top, m.left), {
      rowSpan: Math.min(m.bottom, rect.bottom) - m.top + 1,
      colSpan: m.right - m.left + 1,
    });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(cellAddress(r, c));
  }
  const selection = props.fake.doc.selection;
  const selected = selection && selection.sheet === sheet.name ? selection.address : null;
  const columns: number[] = [];
  for (let c = rect.left; c <= rect.right; c++) columns.push(c);
  const rows: number[] = [];
  for (let r = rect.top; r <= rect.bottom; r++) rows.push(r);
  return (
    <>
      <table className={styles.table} aria-label={`工作表 ${sheet.name}`}>
        <thead>
          <tr>
            <th className={styles.head} scope="col" aria-label="行号" />
            {columns.map((c) => (
              <th key={c} className={styles.head} scope="col">
                {colLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th className={styles.head} scope="row">
                {r}
              </th>
              {columns.map((c) => {
                const address = cellAddress(r, c);
                if (covered.has(address)) return null;
                const cell = sheet.get(r, c);
                const note =
                  sheet.notes.get(address)?.content ?? sheet.comments.get(address)?.content;
                const text = cell ? displayText(cell.value, cell.numberFormat) : "";
                const span = spans.get(address);
                return (
                  <td
                    key={c}
                    data-address={address}
                    onDoubleClick={() => props.onPick(address)}
                    title={note ? `${address}：${note}` : undefined}
                    rowSpan={span?.rowSpan}
                    colSpan={span?.colSpan}
                    className={mergeClasses(
                      styles.cell,
                      typeof cell?.value === "number" && styles.number,
                      note !== undefined && styles.noted,
                      selected === address && styles.selected
                    )}
                    style={{
                      backgroundColor: cell?.fill ?? undefined,
                      fontWeight: cell?.bold ? 600 : undefined,
                    }}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {used.bottom > rect.bottom && (
        <p className={styles.more}>{`（另有 ${used.bottom - rect.bottom} 行未显示）`}</p>
      )}
    </>
  );
}
