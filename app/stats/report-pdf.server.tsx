// A pivot report as a PDF (react-pdf): title and as-of line, the header repeated on every page, outer row
// keys repeated on every row (grey after the first, so a page that starts mid-group still says whose rows
// they are), 小计 / 合计 bold, 第 N 页 / 共 M 页 at the foot. The paper plan (report-pdf-plan.ts) picks the
// orientation and font size, and splits a table too wide for one page into parts, said in a note.
import { Document, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { Lang } from "../i18n/index.ts";
import { registerPdfFont } from "./pdf-font.server.ts";
import {
  fill,
  formatValue,
  headerRows,
  layoutReport,
  type ReportLayout,
  reportStrings,
} from "./report-layout.ts";
import { MARGIN, type PdfPlan, planPdf } from "./report-pdf-plan.ts";
import type { PivotResult } from "./results.ts";

const LINE = 0.5;
const RULE = "#57534e";

const styles = StyleSheet.create({
  page: { paddingTop: MARGIN, paddingBottom: MARGIN + 8, paddingHorizontal: MARGIN, color: "#000" },
  title: { fontSize: 12, fontWeight: 700 },
  line: { fontSize: 8, marginTop: 2 },
  note: { fontSize: 8, marginTop: 2, color: "#7c2d12" },
  heading: { marginBottom: 6 },
  row: { flexDirection: "row" },
  cell: {
    borderRightWidth: LINE,
    borderBottomWidth: LINE,
    borderColor: RULE,
    paddingHorizontal: 3,
    paddingVertical: 2,
  },
  head: { backgroundColor: "#f5f5f4", fontWeight: 700 },
  strong: { backgroundColor: "#fafaf9", fontWeight: 700 },
  number: { textAlign: "right" },
  repeat: { color: "#78716c" },
  footer: { position: "absolute", bottom: MARGIN / 2, left: MARGIN, right: MARGIN, fontSize: 7 },
  empty: { marginTop: 24, fontSize: 11, textAlign: "center" },
});

const widthOf = (widths: readonly number[], from: number, span: number) =>
  widths.slice(from, from + span).reduce((a, b) => a + b, 0);

/** A row as wide as its cells (not the page), so rules and fills end with the table. */
const tableWidth = ({ plan, part }: { plan: PdfPlan; part: [number, number] }) =>
  widthOf(plan.labelWidths, 0, plan.labelWidths.length) +
  widthOf(plan.leafWidths, part[0], part[1] - part[0]) +
  LINE;

interface PartProps {
  layout: ReportLayout;
  plan: PdfPlan;
  part: [number, number];
  lang: Lang;
}

function Header(props: PartProps & { result: PivotResult }) {
  const { result, layout, plan, part } = props;
  const s = reportStrings(props.lang);
  const leaves = layout.leaves.slice(part[0], part[1]);
  const widths = plan.leafWidths.slice(part[0], part[1]);
  const rows = headerRows(result, leaves, s);
  const groupLevels = result.columnFields.length;
  return (
    <View
      fixed
      style={[
        styles.row,
        { width: tableWidth(props), borderTopWidth: LINE, borderLeftWidth: LINE, borderColor: RULE },
      ]}
    >
      {layout.corner.map((label, i) => (
        <View
          key={i}
          style={[styles.cell, styles.head, { width: plan.labelWidths[i], justifyContent: "flex-end" }]}
        >
          <Text>{label}</Text>
        </View>
      ))}
      <View>
        {rows.map((cells, r) => {
          let at = 0;
          return (
            <View key={r} style={[styles.row, { flexGrow: 1 }]}>
              {cells.map((cell, c) => {
                const width = widthOf(widths, at, cell.span);
                at += cell.span;
                // 合计 spans the column-group levels: no rule under it until the last of them.
                const open = cell.total && r < groupLevels - 1;
                return (
                  <View
                    key={c}
                    style={[styles.cell, styles.head, { width }, open ? { borderBottomWidth: 0 } : {}]}
                  >
                    <Text style={cell.span > 1 ? { textAlign: "center" } : styles.number}>
                      {cell.covered ? "" : cell.label}
                    </Text>
                  </View>
                );
              })}
            </View>
          );
        })}
      </View>
    </View>
  );
}

function Body(props: PartProps) {
  const { layout, plan, part, lang } = props;
  return layout.rows.map((row, r) => {
    const strong = row.kind !== "cell";
    let at = 0;
    return (
      <View
        key={r}
        wrap={false}
        style={[
          styles.row,
          { width: tableWidth(props), borderLeftWidth: LINE, borderColor: RULE },
          strong ? styles.strong : {},
        ]}
      >
        {row.labels.map((label, i) => {
          const width = widthOf(plan.labelWidths, at, label.span);
          at += label.span;
          return (
            <View key={i} style={[styles.cell, { width }]}>
              <Text style={label.rowSpan === 0 && !strong ? styles.repeat : {}}>{label.text}</Text>
            </View>
          );
        })}
        {row.values.slice(part[0], part[1]).map((value, j) => {
          const leaf = layout.leaves[part[0] + j]!;
          return (
            <View key={j} style={[styles.cell, { width: plan.leafWidths[part[0] + j] }]}>
              <Text style={styles.number}>
                {formatValue(value, layout.decimals[leaf.measure] ?? 0, lang)}
              </Text>
            </View>
          );
        })}
      </View>
    );
  });
}

function Heading(props: { layout: ReportLayout; note?: string }) {
  return (
    <View fixed style={styles.heading}>
      <Text style={styles.title}>{props.layout.title}</Text>
      {props.layout.lines.map((line) => (
        <Text key={line} style={styles.line}>
          {line}
        </Text>
      ))}
      {props.note ? <Text style={styles.note}>{props.note}</Text> : null}
    </View>
  );
}

function PageNumber(props: { template: string }) {
  return (
    <Text
      fixed
      style={[styles.footer, styles.number]}
      render={({ pageNumber, totalPages }) => fill(props.template, { page: pageNumber, pages: totalPages })}
    />
  );
}

export async function renderReportPdf(result: PivotResult, lang: Lang): Promise<Buffer> {
  const family = registerPdfFont();
  const s = reportStrings(lang);
  const layout = layoutReport(result, lang);
  const plan = planPdf(layout);
  const page = [styles.page, { fontFamily: family, fontSize: plan.fontSize }];
  const doc = (
    <Document title={layout.title} language={lang} creator="Linli 邻里" producer="Linli 邻里">
      {layout.empty ? (
        <Page size="A4" style={page}>
          <Heading layout={layout} />
          <Text style={styles.empty}>{s.empty}</Text>
          <PageNumber template={s.page} />
        </Page>
      ) : (
        plan.parts.map((part, i) => (
          <Page key={part[0]} size="A4" orientation={plan.orientation} style={page}>
            <Heading
              layout={layout}
              note={
                plan.parts.length > 1
                  ? fill(s.split, { parts: plan.parts.length, part: i + 1, from: part[0] + 1, to: part[1] })
                  : undefined
              }
            />
            <Header result={result} layout={layout} plan={plan} part={part} lang={lang} />
            <Body layout={layout} plan={plan} part={part} lang={lang} />
            <PageNumber template={s.page} />
          </Page>
        ))
      )}
    </Document>
  );
  return renderToBuffer(doc);
}
