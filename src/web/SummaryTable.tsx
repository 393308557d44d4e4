import {
  Body1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { Book } from "./useBooks";

/** The summary across all files: per workbook its forms, average, grades and prompts; then the totals. */
export function SummaryTable(props: { readonly books: readonly Book[] }) {
  const done = props.books.filter((b) => b.scored);
  const forms = done.reduce((n, b) => n + (b.scored?.summary.forms ?? 0), 0);
  const prompts = done.reduce((n, b) => n + (b.scored?.summary.prompts ?? 0), 0);
  const failed = props.books.filter((b) => b.state === "error").length;
  return (
    <section aria-label="全部工作簿汇总">
      <Body1 as="p">
        {`已评分 ${done.length} 个工作簿，共 ${forms} 张自评表、${prompts} 条提示` +
          (failed ? `；${failed} 个工作簿未能评分` : "") +
          "。"}
      </Body1>
      <Table size="small" aria-label="全部工作簿汇总">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>工作簿</TableHeaderCell>
            <TableHeaderCell>自评表</TableHeaderCell>
            <TableHeaderCell>平均分</TableHeaderCell>
            <TableHeaderCell>等级</TableHeaderCell>
            <TableHeaderCell>提示</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.books.map((b) => {
            const s = b.scored?.summary;
            return (
              <TableRow key={b.key}>
                <TableCell>{b.name}</TableCell>
                <TableCell>
                  {s ? String(s.forms) : b.state === "error" ? "未能评分" : "…"}
                </TableCell>
                <TableCell>{s?.average ?? "—"}</TableCell>
                <TableCell>
                  {s ? s.grades.map(([g, n]) => `${g} ${n}`).join("，") || "—" : "—"}
                </TableCell>
                <TableCell>{s ? String(s.prompts) : "—"}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
