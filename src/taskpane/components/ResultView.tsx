import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { FormRun, IndicatorRun, RunReport, SheetRun } from "../../host/contract";
import { STATUS_NAMES, points, promptText, promptsByKind, reportHeadline } from "../labels";
import { ClickableRow } from "./ClickableRow";

type Select = (sheet: string, cell: string) => void;

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  explain: { display: "block", color: tokens.colorNeutralForeground2 },
  score: { width: "72px", textAlign: "end" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  heading: { margin: 0 },
});

/** Up to this many forms are shown open; more (a 批量评分) are a list of headers to open one by one. */
const OPEN_FORMS = 3;

/** The last RunReport: every form with its indicators and formulas, the prompts by kind, what was left out. */
export function ResultView(props: { readonly report: RunReport; readonly onSelect: Select }) {
  const styles = useStyles();
  const { report, onSelect } = props;
  const groups = promptsByKind(report.prompts);
  const forms = report.sheets.flatMap((s) =>
    s.forms.map((f) => ({ sheet: s, form: f, key: `${s.sheet}!${f.anchor}` }))
  );
  return (
    <section className={styles.view} aria-label="评分结果">
      <Body1 as="p">{reportHeadline(report)}</Body1>
      {report.summary && (
        <Body1 as="p">
          {`已生成“${report.summary.sheet}”：${report.summary.forms} 张自评表，平均分 ${
            report.summary.average ?? "—"
          }。${report.summary.bandSentence}`}
        </Body1>
      )}
      {forms.length === 1 && (
        <FormBlock sheet={forms[0].sheet} form={forms[0].form} onSelect={onSelect} titled />
      )}
      {forms.length > 1 && (
        // a closed panel is not rendered: 200 forms cost 200 headers until one is opened
        <Accordion
          multiple
          collapsible
          defaultOpenItems={forms.length <= OPEN_FORMS ? forms.map((x) => x.key) : []}
        >
          {forms.map(({ sheet, form, key }) => (
            <AccordionItem key={key} value={key}>
              <AccordionHeader as="h3">
                {`${form.project || sheet.sheet}：${points(form.total) ?? "—"} 分，${form.grade ?? "—"}`}
              </AccordionHeader>
              <AccordionPanel>
                <FormBlock sheet={sheet} form={form} onSelect={onSelect} titled={false} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
      {report.sheets
        .filter((s) => s.status === "restored" || s.status === "cleared")
        .map((s) => (
          <Body1
            as="p"
            key={s.sheet}
          >{`${s.sheet}：${STATUS_NAMES[s.status]}（${s.edits} 个单元格）`}</Body1>
        ))}
      {groups.length > 0 && (
        <div className={styles.block}>
          <Subtitle2
            as="h3"
            className={styles.heading}
          >{`提示（${report.prompts.length}）`}</Subtitle2>
          {groups.map((g) => (
            <div key={g.kind} className={styles.block}>
              <Text as="h4" weight="semibold" className={styles.heading}>
                {`${g.name}（${g.rows.length}）`}
              </Text>
              <Table size="small" aria-label={g.name}>
                <TableBody>
                  {g.rows.flatMap((p, i) => [
                    // the sheet once, where it changes; each row its cell and its message alone
                    ...(i === 0 || g.rows[i - 1].sheet !== p.sheet
                      ? [
                          <TableRow key={`${p.sheet}#sheet#${i}`}>
                            <TableCell colSpan={2}>
                              <Caption1>{p.sheet}</Caption1>
                            </TableCell>
                          </TableRow>,
                        ]
                      : []),
                    <ClickableRow
                      key={`${p.sheet}!${p.cell}#${i}`}
                      label={`${p.sheet}!${p.cell} ${p.message}`}
                      onActivate={() => onSelect(p.sheet, p.cell)}
                    >
                      <TableCell style={{ width: "48px" }}>{p.cell}</TableCell>
                      <TableCell>{promptText(p)}</TableCell>
                    </ClickableRow>,
                  ])}
                </TableBody>
              </Table>
            </div>
          ))}
        </div>
      )}
      {report.skipped.length > 0 && (
        <div className={styles.block}>
          <Subtitle2 as="h3" className={styles.heading}>
            未评分的工作表
          </Subtitle2>
          <ul className={styles.list}>
            {report.skipped.map((s) => (
              <li key={s.sheet}>
                <Body1>{`${s.sheet}：${s.reason}`}</Body1>
              </li>
            ))}
          </ul>
        </div>
      )}
      <LineList title="未写入" lines={report.notWritten} />
      <LineList title="注意" lines={report.warnings} />
    </section>
  );
}

function LineList(props: { readonly title: string; readonly lines: readonly string[] }) {
  const styles = useStyles();
  if (props.lines.length === 0) return null;
  return (
    <div className={styles.block}>
      <Subtitle2
        as="h3"
        className={styles.heading}
      >{`${props.title}（${props.lines.length}）`}</Subtitle2>
      <ul className={styles.list}>
        {props.lines.map((line, i) => (
          <li key={i}>
            <Body1>{line}</Body1>
          </li>
        ))}
      </ul>
    </div>
  );
}

function FormBlock(props: {
  readonly sheet: SheetRun;
  readonly form: FormRun;
  readonly onSelect: Select;
  /** With its own heading (alone in the view); without, under an accordion header. */
  readonly titled: boolean;
}) {
  const styles = useStyles();
  const { sheet, form, onSelect } = props;
  const select = (cell: string | null) => (cell ? () => onSelect(sheet.sheet, cell) : null);
  const budget = form.budget;
  return (
    <article className={styles.block} aria-label={`${sheet.sheet} ${form.project}`}>
      {props.titled && (
        <Subtitle2 as="h3" className={styles.heading}>
          {form.project || sheet.sheet}
        </Subtitle2>
      )}
      <Caption1>{`工作表：${sheet.sheet}（${STATUS_NAMES[sheet.status]}）`}</Caption1>
      {sheet.message && <Caption1>{sheet.message}</Caption1>}
      <Body1>{`总分：${points(form.total) ?? "无法计算"}`}</Body1>
      <Body1>{`等级：${form.grade ?? "—"}`}</Body1>
      <Table size="small" aria-label={`${form.project || sheet.sheet} 指标得分`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>指标</TableHeaderCell>
            <TableHeaderCell className={styles.score}>得分</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {budget && (
            <ClickableRow onActivate={select(budget.cell)}>
              <TableCell>
                <Body1>预算执行率</Body1>
                <Caption1 className={styles.explain}>{budget.explain}</Caption1>
              </TableCell>
              <TableCell className={styles.score}>
                {scoreText(budget.score, budget.weight)}
              </TableCell>
            </ClickableRow>
          )}
          {form.indicators.map((ind, i) => (
            <ClickableRow key={`${ind.cell ?? ""}#${i}`} onActivate={select(ind.cell)}>
              <TableCell>
                <Body1>{indicatorName(ind)}</Body1>
                <Caption1 className={styles.explain}>{ind.explain}</Caption1>
              </TableCell>
              <TableCell className={styles.score}>{scoreText(ind.score, ind.weight)}</TableCell>
            </ClickableRow>
          ))}
        </TableBody>
      </Table>
    </article>
  );
}

function indicatorName(ind: IndicatorRun): string {
  return ind.level2 ? `${ind.level2}：${ind.name}` : ind.name;
}

function scoreText(score: string | null, weight: string | null): string {
  return `${points(score) ?? "—"}${weight ? ` / ${weight}` : ""}`;
}
