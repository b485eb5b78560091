/**
 * Dates. Stored values are ISO strings; the emulator's account runs in UTC. Search results and
 * lookupFields format them as NetSuite does with the default US preferences: dates `M/D/YYYY`,
 * date/times `M/D/YYYY h:mm am` (12-hour clock, lower-case am/pm).
 */

/** Parses an ISO string or a `M/D/YYYY[ h:mm am]` string (as filters give them); undefined when neither. */
export function parseDate(input: string): Date | undefined {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i.exec(
    input.trim(),
  );
  if (us) {
    let hour = Number(us[4] ?? 0);
    const ampm = us[7]?.toLowerCase();
    if (ampm === "pm" && hour < 12) hour += 12;
    if (ampm === "am" && hour === 12) hour = 0;
    return new Date(
      Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2]), hour, Number(us[5] ?? 0), Number(us[6] ?? 0)),
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(input)) return undefined;
  const d = new Date(input);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const h = d.getUTCHours();
  const minutes = String(d.getUTCMinutes()).padStart(2, "0");
  return `${formatDate(iso)} ${h % 12 === 0 ? 12 : h % 12}:${minutes} ${h < 12 ? "am" : "pm"}`;
}

/** Midnight UTC of the day. */
export function dayStart(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

const DAY = 86_400_000;

/**
 * NetSuite's relative date values (`search.RelativeDateRange` ids) as [start, end) in ms.
 * Weeks start on Sunday (NetSuite's default first day of week). `daysagoN` and `daysfromnowN` name
 * one day N days before or after today.
 */
export function relativeRange(name: string, now: Date): [number, number] | undefined {
  const today = dayStart(now);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const weekStart = today - now.getUTCDay() * DAY;
  switch (name.toLowerCase()) {
    case "today":
      return [today, today + DAY];
    case "yesterday":
      return [today - DAY, today];
    case "tomorrow":
      return [today + DAY, today + 2 * DAY];
    case "thisweek":
      return [weekStart, weekStart + 7 * DAY];
    case "lastweek":
      return [weekStart - 7 * DAY, weekStart];
    case "thismonth":
      return [Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1)];
    case "lastmonth":
      return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
    case "thisyear":
      return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
    case "lastyear":
      return [Date.UTC(y - 1, 0, 1), Date.UTC(y, 0, 1)];
    default: {
      // "daysago30" / "daysfromnow7": that one day, counted from today.
      const days = /^days(ago|fromnow)(\d{1,5})$/.exec(name.toLowerCase());
      if (!days) return undefined;
      const day = today + (days[1] === "ago" ? -1 : 1) * Number(days[2]) * DAY;
      return [day, day + DAY];
    }
  }
}

/** A filter's date operand as the day range it names: a relative name or one date. */
export function operandRange(value: string, now: Date): [number, number] | undefined {
  const relative = relativeRange(value, now);
  if (relative) return relative;
  const d = parseDate(value);
  if (!d) return undefined;
  const start = dayStart(d);
  return [start, start + DAY];
}
