// Splits a formula into tokens. Positions count characters (code points), so a Chinese label is one
// character per hanzi in every message.
import { type FormulaProblem, formulaProblem } from "./ast.ts";

export type TokenKind = "number" | "text" | "field" | "name" | "op" | "(" | ")" | "," | "end";

export interface Token {
  kind: TokenKind;
  /** The number's digits, the string's or bracketed field's content, the name, or the operator. */
  text: string;
  start: number;
  end: number;
}

const OPERATORS = ["<>", "<=", ">=", "!=", "+", "-", "*", "/", "&", "=", "<", ">"];
/** Chinese logical keywords are tokens of their own, so `年龄>70且…` needs no spaces. */
const CJK_KEYWORDS = new Set(["且", "或", "非"]);
// Full-width forms people type with a Chinese input method.
const FULL_WIDTH: Record<string, string> = { "（": "(", "）": ")", "，": ",", "【": "[", "】": "]" };

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isNameChar = (c: string | undefined) =>
  c !== undefined && /[\p{L}\p{N}_]/u.test(c) && !CJK_KEYWORDS.has(c);

export function tokenize(source: string): Token[] | FormulaProblem {
  const raw = Array.from(source);
  // Punctuation is folded; text and field names keep what was typed.
  const chars = raw.map((c) => FULL_WIDTH[c] ?? c);
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, text: string, start: number) => tokens.push({ kind, text, start, end: i });
  while (i < chars.length) {
    const c = chars[i]!;
    const start = i;
    if (/\s/u.test(c)) {
      i++;
    } else if (isDigit(c) || (c === "." && isDigit(chars[i + 1]))) {
      while (isDigit(chars[i])) i++;
      if (chars[i] === "." && isDigit(chars[i + 1])) {
        i++;
        while (isDigit(chars[i])) i++;
      }
      if (isNameChar(chars[i]) || chars[i] === ".") {
        return formulaProblem("formula-syntax", i, "数字格式错误", "malformed number");
      }
      push("number", chars.slice(start, i).join(""), start);
    } else if (c === "'" || c === '"' || c === "“" || c === "‘") {
      const close = c === "“" ? "”" : c === "‘" ? "’" : c;
      i++;
      let text = "";
      for (;;) {
        if (i >= chars.length) {
          return formulaProblem(
            "formula-syntax",
            start,
            "文本缺少结束引号",
            "text is missing its closing quote",
          );
        }
        // A doubled quote stands for the quote itself: 'it''s'.
        if (chars[i] === close && chars[i + 1] === close && close === c) {
          text += close;
          i += 2;
        } else if (chars[i] === close) {
          i++;
          break;
        } else text += raw[i++];
      }
      push("text", text, start);
    } else if (c === "[") {
      const close = chars.indexOf("]", i);
      if (close < 0) {
        return formulaProblem(
          "formula-syntax",
          start,
          "字段名缺少右方括号 ]",
          "field name is missing its closing ]",
        );
      }
      const name = raw
        .slice(i + 1, close)
        .join("")
        .trim();
      if (name === "")
        return formulaProblem("formula-syntax", start, "方括号中缺少字段名", "empty field name in []");
      i = close + 1;
      push("field", name, start);
    } else if (CJK_KEYWORDS.has(c)) {
      i++;
      push("name", c, start);
    } else if (isNameChar(c)) {
      while (isNameChar(chars[i])) i++;
      push("name", chars.slice(start, i).join(""), start);
    } else if (c === "(" || c === ")" || c === ",") {
      i++;
      push(c, c, start);
    } else {
      const op = OPERATORS.find((o) => chars.slice(i, i + o.length).join("") === o);
      if (!op)
        return formulaProblem(
          "formula-syntax",
          start,
          `无法识别的字符「${c}」`,
          `unexpected character "${c}"`,
        );
      i += op.length;
      push("op", op === "!=" ? "<>" : op, start);
    }
  }
  tokens.push({ kind: "end", text: "", start: i, end: i });
  return tokens;
}
