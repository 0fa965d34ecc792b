// Why a spreadsheet cannot be read, in the words a member of staff sees. Library errors never reach the
// user: every reader turns them into one of these (the original error kept as `cause` for the log).
import { type AppError, invalid } from "../../core/errors.ts";
import { MAX_CELL_CHARS, MAX_SHEET_ROWS } from "./source.ts";

const withCause = (error: AppError, cause?: unknown): AppError => {
  if (cause !== undefined) error.cause = cause;
  return error;
};

/** Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export const notSpreadsheet = () =>
  invalid(
    "不是电子表格，无法导入。请上传 Excel 工作簿（.xlsx、.xls）或 CSV 文件 / " +
      "Not a spreadsheet. Upload an Excel workbook (.xlsx, .xls) or a CSV file",
  );

export const passwordProtected = () =>
  invalid(
    "工作簿设有密码，无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后保存，再导入 / " +
      "The workbook is password-protected and cannot be read. Remove the password in Excel " +
      "(File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import again",
  );

export const damaged = (cause?: unknown) =>
  withCause(
    invalid(
      "文件已损坏或不完整，无法读取。请在 Excel 中打开确认后重新保存，再导入 / " +
        "The file is damaged or incomplete and cannot be read. Open it in Excel, save it again and import again",
    ),
    cause,
  );

export const zipBomb = () =>
  invalid(
    "文件解压后的体积异常巨大（疑似“压缩炸弹”），已拒绝读取 / " +
      "The file expands to an abnormally large size (a possible zip bomb) and was not read",
  );

export const unsupportedWorkbook = () =>
  invalid(
    "不支持这种工作簿格式（如 .xlsb、.ods）。请在 Excel 或 WPS 中另存为 .xlsx 后再导入 / " +
      "This workbook format (such as .xlsb or .ods) is not supported. Save it as .xlsx and import again",
  );

export const webPageTable = () =>
  invalid(
    "这是网页（HTML）或 XML 格式的表格，只是扩展名像电子表格。请在 Excel 中打开后另存为 .xlsx，再导入 / " +
      "This is an HTML or XML table with a spreadsheet extension. Open it in Excel, save it as .xlsx " +
      "and import again",
  );

export const fileTooLarge = (limitMb: number) =>
  invalid(
    `文件超过 ${limitMb} MB，无法读取。请另存为 .xlsx 或拆分后再导入 / ` +
      `The file is larger than ${limitMb} MB and cannot be read. Save it as .xlsx or split it, then import again`,
  );

export const badEncoding = () =>
  invalid(
    "文件中有无法识别的字符。请以 UTF-8 或 GB18030（GBK）编码重新保存为 CSV，再导入 / " +
      "The file holds characters that are neither UTF-8 nor GB18030 (GBK). Save it again as CSV in one " +
      "of these encodings and import again",
  );

export const tooManyRows = () =>
  invalid(
    `表格超过 ${MAX_SHEET_ROWS.toLocaleString("en-US")} 行，无法导入。请拆分成多个文件后分别导入 / ` +
      `The sheet has more than ${MAX_SHEET_ROWS.toLocaleString("en-US")} rows. Split it into several files ` +
      "and import them one by one",
  );

export const cellTooLong = (row: number, column: number) =>
  invalid(
    `第 ${row} 行 ${columnName(column)} 列的内容超过 ${MAX_CELL_CHARS} 个字符，无法导入 / ` +
      `Row ${row}, column ${columnName(column)} holds more than ${MAX_CELL_CHARS.toLocaleString("en-US")} ` +
      "characters and cannot be imported",
  );

export const recordTooLong = (row: number) =>
  invalid(
    `第 ${row} 行的内容过长，无法导入（可能缺少一个右引号） / ` +
      `Row ${row} is too long to import (a closing quote may be missing)`,
  );

export const quoteNotClosed = (row: number) =>
  invalid(
    `第 ${row} 行有一个没有闭合的引号，文件可能不完整 / ` +
      `Row ${row} has a quote that is never closed; the file may be incomplete`,
  );

export const noSuchSheet = () => invalid("工作簿中没有这个工作表 / The workbook has no such sheet");
