// The backup settings' small languages, checked when the configuration loads (a wrong value stops the
// start rather than leaving a server that silently never backs up):
// LINLI_BACKUP_SCHEDULE "daily HH:MM" (Beijing time; "daily" alone is 02:30) or "off";
// LINLI_BACKUP_KEEP "14" (the newest 14 good backups) or "30d" (those of the last 30 days).
export type Schedule = { kind: "off" } | { kind: "daily"; hour: number; minute: number };
export type Keep = { count: number } | { days: number };

export function parseSchedule(value: string): Schedule {
  const text = value.trim().toLowerCase();
  if (text === "off" || text === "none") return { kind: "off" };
  const m = /^daily(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  const hour = m?.[1] === undefined ? 2 : Number(m[1]);
  const minute = m?.[2] === undefined ? 30 : Number(m[2]);
  if (!m || hour > 23 || minute > 59)
    throw new Error(`LINLI_BACKUP_SCHEDULE=${value} is not valid: "daily HH:MM" (Beijing time) or "off"`);
  return { kind: "daily", hour, minute };
}

export function parseKeep(value: string): Keep {
  const m = /^\s*(\d+)\s*(d|days?)?\s*$/i.exec(value);
  const n = m ? Number(m[1]) : Number.NaN;
  if (!m || !Number.isInteger(n) || n < 1)
    throw new Error(`LINLI_BACKUP_KEEP=${value} is not valid: a number of backups ("14") or of days ("30d")`);
  return m[2] ? { days: n } : { count: n };
}
