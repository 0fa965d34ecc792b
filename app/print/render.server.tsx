// Drawing a print job as one PDF (react-pdf): each page a sheet of the template's paper, each label one
// record, laid out on the template's grid with cut marks where asked. Labels arrive prepared (merged,
// fitted, QR paths made, photos fetched), so drawing is a plain walk over the elements. The Chinese font
// is embedded as a subset: only the glyphs the names and texts use.
import { Document, Image, Page, Path, renderToBuffer, Svg, Text, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { registerPdfFont } from "../stats/pdf-font.server.ts";
import type { QrMatrix } from "./codes.ts";
import type { FittedText } from "./fit.server.ts";
import {
  labelOrigins,
  labelSize,
  labelsPerPage,
  type PrintElement,
  type PrintTemplate,
  paperSize,
} from "./template.ts";

export const PT_PER_MM = 72 / 25.4;
const pt = (mm: number) => mm * PT_PER_MM;

export interface PdfImage {
  data: Buffer;
  format: "png" | "jpg";
}

/** What one element draws on one label. */
export type Drawn =
  | { type: "text"; fitted: FittedText }
  | { type: "qr"; matrix: QrMatrix | null }
  | { type: "barcode"; image: PdfImage | null }
  | { type: "photo"; image: PdfImage | null }
  | { type: "image"; image: PdfImage | null }
  | { type: "postcode"; digits: string }
  | { type: "shape" };

/** One record's label: what each of the template's elements draws, in the same order. */
export type PreparedLabel = Drawn[];

const boxStyle = (el: PrintElement) => ({
  position: "absolute" as const,
  left: pt(el.x),
  top: pt(el.y),
  width: pt(el.width),
  height: pt(el.height),
  ...(el.rotate ? { transform: `rotate(${el.rotate}deg)`, transformOrigin: "50% 50%" } : {}),
});

const JUSTIFY = { top: "flex-start", middle: "center", bottom: "flex-end" } as const;

function TextBox({
  el,
  fitted,
  font,
}: {
  el: PrintElement & { type: "text" };
  fitted: FittedText;
  font: string;
}) {
  const style = {
    fontFamily: font,
    fontSize: fitted.fontSize,
    fontWeight: el.fontWeight,
    color: el.color,
    letterSpacing: el.letterSpacing,
  };
  if (el.vertical) {
    // Columns right to left, each character on its own line.
    const align = ({ left: "flex-end", center: "center", right: "flex-start" } as const)[el.align];
    return (
      <View style={{ ...boxStyle(el), flexDirection: "row-reverse", justifyContent: align }}>
        {fitted.lines.map((column, i) => (
          <View
            key={i}
            style={{ width: fitted.fontSize * el.lineHeight, justifyContent: JUSTIFY[el.verticalAlign] }}
          >
            {[...column].map((ch, j) => (
              <Text
                key={j}
                style={{ ...style, lineHeight: 1, textAlign: "center", marginBottom: el.letterSpacing }}
              >
                {ch}
              </Text>
            ))}
          </View>
        ))}
      </View>
    );
  }
  return (
    <View style={{ ...boxStyle(el), justifyContent: JUSTIFY[el.verticalAlign] }}>
      {fitted.lines.map((line, i) => (
        <Text key={i} style={{ ...style, lineHeight: el.lineHeight, textAlign: el.align }}>
          {line || " "}
        </Text>
      ))}
    </View>
  );
}

function Postcode({
  el,
  digits,
  font,
}: {
  el: PrintElement & { type: "postcode" };
  digits: string;
  font: string;
}) {
  const side = Math.min(pt(el.height), pt(el.width) / el.boxes);
  const gap = el.boxes > 1 ? (pt(el.width) - side * el.boxes) / (el.boxes - 1) : 0;
  const chars = [...digits];
  return (
    <View style={{ ...boxStyle(el), flexDirection: "row" }}>
      {Array.from({ length: el.boxes }, (_, i) => (
        <View
          key={i}
          style={{
            width: side,
            height: side,
            marginRight: i < el.boxes - 1 ? gap : 0,
            borderWidth: 0.8,
            borderColor: el.color,
            justifyContent: "center",
            alignItems: "center",
          }}
        >
          <Text style={{ fontFamily: font, fontSize: el.fontSize, lineHeight: 1 }}>{chars[i] ?? ""}</Text>
        </View>
      ))}
    </View>
  );
}

function Element({ el, drawn, font }: { el: PrintElement; drawn: Drawn; font: string }): ReactElement | null {
  switch (el.type) {
    case "text":
      return drawn.type === "text" ? <TextBox el={el} fitted={drawn.fitted} font={font} /> : null;
    case "postcode":
      return drawn.type === "postcode" ? <Postcode el={el} digits={drawn.digits} font={font} /> : null;
    case "qr": {
      if (drawn.type !== "qr" || !drawn.matrix) return null;
      const side = Math.min(pt(el.width), pt(el.height));
      return (
        <Svg
          style={boxStyle(el)}
          viewBox={`0 0 ${drawn.matrix.size} ${drawn.matrix.size}`}
          width={side}
          height={side}
        >
          <Path d={drawn.matrix.path} fill={el.color} />
        </Svg>
      );
    }
    case "barcode":
    case "image":
      return drawn.type === el.type && drawn.image ? (
        <Image src={drawn.image} style={{ ...boxStyle(el), objectFit: "contain" }} />
      ) : null;
    case "photo":
      if (drawn.type !== "photo") return null;
      return drawn.image ? (
        <Image src={drawn.image} style={{ ...boxStyle(el), objectFit: el.fit }} />
      ) : (
        // No photo on the record: a frame saying so, the size of the photo, so the label keeps its look.
        <View
          style={{
            ...boxStyle(el),
            borderWidth: 0.6,
            borderColor: el.borderColor,
            borderStyle: "dashed",
            justifyContent: "center",
            alignItems: "center",
          }}
        >
          <Text style={{ fontFamily: font, fontSize: 9, color: "#999999" }}>照片</Text>
        </View>
      );
    case "line": {
      const w = Math.max(pt(Math.abs(el.width)), el.strokeWidth);
      const h = Math.max(pt(Math.abs(el.height)), el.strokeWidth);
      return (
        <Svg
          style={{ position: "absolute", left: pt(el.x), top: pt(el.y) - el.strokeWidth / 2 }}
          width={w}
          height={h + el.strokeWidth}
        >
          <Path
            d={`M0 ${el.strokeWidth / 2} L${pt(el.width)} ${pt(el.height) + el.strokeWidth / 2}`}
            stroke={el.color}
            strokeWidth={el.strokeWidth}
            {...(el.dash ? { strokeDasharray: "3 2" } : {})}
          />
        </Svg>
      );
    }
    case "rect": {
      const frame = {
        borderWidth: el.strokeWidth,
        borderColor: el.color,
        borderRadius: pt(el.radius),
        ...(el.fill ? { backgroundColor: el.fill } : {}),
      };
      const inset = el.strokeWidth * 2 + 2;
      return (
        <View style={{ ...boxStyle(el), ...frame }}>
          {el.double ? (
            <View
              style={{
                position: "absolute",
                left: inset,
                top: inset,
                right: inset,
                bottom: inset,
                borderWidth: Math.max(0.4, el.strokeWidth / 2),
                borderColor: el.color,
                borderRadius: Math.max(0, pt(el.radius) - inset),
              }}
            />
          ) : null}
        </View>
      );
    }
  }
}

/** Marks 4 mm long, 1 mm clear of each label's corners, where a guillotine cuts. */
function cutMarks(template: PrintTemplate): string {
  const label = labelSize(template);
  const [len, gap] = [pt(4), pt(1)];
  let d = "";
  for (const [x0, y0] of labelOrigins(template)) {
    const [x, y, w, h] = [pt(x0), pt(y0), pt(label.width), pt(label.height)];
    for (const [cx, cy, dx, dy] of [
      [x, y, -1, -1],
      [x + w, y, 1, -1],
      [x, y + h, -1, 1],
      [x + w, y + h, 1, 1],
    ] as const) {
      d += `M${cx + dx * gap} ${cy}h${dx * len}M${cx} ${cy + dy * gap}v${dy * len}`;
    }
  }
  return d;
}

function Sheet(props: {
  template: PrintTemplate;
  labels: PreparedLabel[];
  font: string;
  labelOnly: boolean;
}) {
  const { template, labels, font, labelOnly } = props;
  const label = labelSize(template);
  const sheet = labelOnly ? label : paperSize(template);
  const origins: Array<[number, number]> = labelOnly ? [[0, 0]] : labelOrigins(template);
  return (
    <Page size={[pt(sheet.width), pt(sheet.height)]} style={{ fontFamily: font }}>
      {template.grid.cutMarks && !labelOnly ? (
        // A hair short of the sheet: a box as tall as the page would be taken for overflow and wrapped.
        <Svg
          style={{ position: "absolute", left: 0, top: 0 }}
          width={pt(sheet.width)}
          height={pt(sheet.height) - 1}
        >
          <Path d={cutMarks(template)} stroke="#555555" strokeWidth={0.3} />
        </Svg>
      ) : null}
      {labels.map((drawn, i) => (
        <View
          key={i}
          style={{
            position: "absolute",
            left: pt(origins[i][0]),
            top: pt(origins[i][1]),
            width: pt(label.width),
            height: pt(label.height),
            overflow: "hidden",
          }}
        >
          {template.elements.map((el, j) => (
            <Element key={j} el={el} drawn={drawn[j]} font={font} />
          ))}
        </View>
      ))}
    </Page>
  );
}

/** The whole job as one PDF. */
export async function renderPrintPdf(
  template: PrintTemplate,
  labels: PreparedLabel[],
  meta: { title: string; author: string },
  options: { labelOnly?: boolean } = {},
): Promise<Buffer> {
  const font = registerPdfFont();
  const per = options.labelOnly ? 1 : labelsPerPage(template);
  const pages: PreparedLabel[][] = [];
  for (let i = 0; i < labels.length; i += per) pages.push(labels.slice(i, i + per));
  const doc = (
    <Document title={meta.title} author={meta.author} creator="Linli 邻里" producer="Linli 邻里">
      {pages.map((page, i) => (
        <Sheet key={i} template={template} labels={page} font={font} labelOnly={options.labelOnly ?? false} />
      ))}
    </Document>
  );
  return renderToBuffer(doc);
}
