// pino logger that never writes secrets or Chinese ID numbers.
import pino, { type DestinationStream, type Logger } from "pino";

const REDACT = [
  "password",
  "*.password",
  "newPassword",
  "*.newPassword",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "cookie",
  "*.cookie",
  "authorization",
  "*.authorization",
  "req.headers.cookie",
  "req.headers.authorization",
  "idNumber",
  "*.idNumber",
];

// 15- or 18-character resident ID numbers (last may be X) anywhere in a string.
const ID_NUMBER = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx]|\d)(?!\d)/g;

export function scrubIdNumbers(text: string): string {
  return text.replace(ID_NUMBER, (_m, head: string) => `${head}********`);
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACT, censor: "[redacted]" },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === "string" ? scrubIdNumbers(a) : a)) as typeof args;
        method.apply(this, scrubbed);
      },
    },
    formatters: {
      log(object) {
        return JSON.parse(scrubIdNumbers(JSON.stringify(object)));
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
