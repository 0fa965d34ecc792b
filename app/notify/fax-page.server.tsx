// A notice as a fax: A4 portrait, a cover header (传真 / FAX, 发件单位, 日期, 主题) and the text, page N of M
// at the foot. Black on white with firm rules and a large type, since a fax prints at about 200 dpi and
// greys turn to speckle.
import { Document, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { registerPdfFont } from "../stats/pdf-font.server.ts";

const MARGIN = 56;

const styles = StyleSheet.create({
  page: {
    paddingTop: MARGIN,
    paddingBottom: MARGIN + 12,
    paddingHorizontal: MARGIN,
    fontSize: 12,
    color: "#000",
  },
  masthead: { flexDirection: "row", alignItems: "flex-end", borderBottomWidth: 2, paddingBottom: 6 },
  title: { fontSize: 26, fontWeight: 700 },
  titleLatin: { fontSize: 14, fontWeight: 700, marginLeft: 8, marginBottom: 4 },
  fields: { borderBottomWidth: 1, paddingVertical: 8, marginBottom: 16 },
  field: { flexDirection: "row", paddingVertical: 3 },
  label: { width: 112, fontWeight: 700 },
  value: { flex: 1 },
  body: { lineHeight: 1.7 },
  footer: {
    position: "absolute",
    bottom: MARGIN / 2,
    left: MARGIN,
    right: MARGIN,
    fontSize: 9,
    textAlign: "right",
  },
});

const CHINA_DATE = new Intl.DateTimeFormat("zh-CN", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Asia/Shanghai",
});

function Field(props: { label: string; value: string }) {
  return (
    <View style={styles.field}>
      <Text style={styles.label}>{props.label}</Text>
      <Text style={styles.value}>{props.value}</Text>
    </View>
  );
}

export async function renderFaxPage(message: {
  subject: string;
  text: string;
  from: string;
  sentAt: Date;
}): Promise<Buffer> {
  const family = registerPdfFont();
  const doc = (
    <Document title={message.subject} language="zh-CN" creator="Linli 邻里" producer="Linli 邻里">
      <Page size="A4" style={[styles.page, { fontFamily: family }]}>
        <View style={styles.masthead}>
          <Text style={styles.title}>传真</Text>
          <Text style={styles.titleLatin}>FAX</Text>
        </View>
        <View style={styles.fields}>
          <Field label="发件单位 From" value={message.from} />
          <Field label="日期 Date" value={CHINA_DATE.format(message.sentAt)} />
          <Field label="主题 Subject" value={message.subject} />
        </View>
        <Text style={styles.body}>{message.text}</Text>
        <Text
          fixed
          style={styles.footer}
          render={({ pageNumber, totalPages }) => `第 ${pageNumber} 页 / 共 ${totalPages} 页`}
        />
      </Page>
    </Document>
  );
  return renderToBuffer(doc);
}
