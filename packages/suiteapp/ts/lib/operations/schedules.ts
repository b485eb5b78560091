/**
 * The schedules of the SuiteApp's scheduled map/reduce deployments as the SuiteApp installs them, and
 * their next run. A script cannot read a deployment's schedule ("The recurrenceminutes and starttime
 * fields are not scriptable", Oracle's Script Deployment page,
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_3753014009.html), but the
 * schedule is part of the SuiteApp's objects (src/Objects/Scripts/customscript_*_mr.xml, `<recurrence>`),
 * and each deployment of the SuiteApp writes it onto the deployment record again. test/schedules.test.ts
 * reads those files, so this table and the XML cannot drift.
 *
 * Time zone. The recurrence groups' pages (daily
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_617656060.html, weekly
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1192939856.html) type `starttime`
 * as `time` and say nothing of time zones. "Date and Time Formats in SDF Custom Objects"
 * (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1499269203.html) does: a Time
 * With Time Zone is `HH:mm:00Z`, Z being UTC, and when deployed "the time is converted from the UTC
 * standard to the time zone preference of the account"
 * (https://github.com/oracle/netsuite-suitecloud-sdk/issues/645 reports the deploying user's preference,
 * and runs moved across a day boundary). So times here are UTC as the XML writes them, labelled UTC; the
 * account keeps its own local copy, which in a zone with daylight saving may run an hour off these for
 * part of the year.
 *
 * Pure: no N/* module, so tests run it directly.
 */
import { SCRIPTS } from "../records/object-ids.js";

/** The weekly group's day elements, in `Date.getUTCDay()` order (0 = Sunday). */
export const WEEKDAYS = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Fields every recurrence group has, as SDF writes them (strings, so they compare with the XML). */
interface RecurrenceStart {
  /** `yyyy-MM-dd`. */
  readonly startdate: string;
  /** `HH:mm:00Z` (UTC). */
  readonly starttime: string;
  /** `yyyy-MM-dd`, optional. Oracle does not say whether it is inclusive; taken as the last day to run. */
  readonly enddate?: string;
}

/** `<daily>`: every `everyxdays` days (1–1000) from startdate. */
export interface DailyRecurrence extends RecurrenceStart {
  readonly kind: "daily";
  readonly everyxdays: number;
}

/** `<weekly>`: on `days` (the day elements set to T) of every `everyxweeks`-th week (1–1000). */
export interface WeeklyRecurrence extends RecurrenceStart {
  readonly kind: "weekly";
  readonly everyxweeks: number;
  readonly days: readonly Weekday[];
}

/** The recurrence groups the SuiteApp uses; SDF has more (single, monthly, yearly…) it does not. */
export type Recurrence = DailyRecurrence | WeeklyRecurrence;

/**
 * The installed schedules by deployment script ID. Only deployments whose status is SCHEDULED are here:
 * the mass sync's (NOTSCHEDULED) runs when someone starts it.
 */
export const INSTALLED_SCHEDULES = {
  [SCRIPTS.paymentMethodRefresh.deploymentId]: {
    kind: "daily",
    everyxdays: 1,
    startdate: "2026-01-01",
    starttime: "03:00:00Z",
  },
  [SCRIPTS.eventPurge.deploymentId]: {
    kind: "weekly",
    everyxweeks: 1,
    days: ["sunday"],
    startdate: "2026-01-04",
    starttime: "04:00:00Z",
  },
  [SCRIPTS.duplicatesScan.deploymentId]: {
    kind: "weekly",
    everyxweeks: 1,
    days: ["sunday"],
    startdate: "2026-01-04",
    starttime: "05:00:00Z",
  },
} as const satisfies Readonly<Record<string, Recurrence>>;

// A Map, so that "toString" is no deployment (the SuiteApp's ES2019 lib has no Object.hasOwn).
const BY_ID: ReadonlyMap<string, Recurrence> = new Map(Object.entries(INSTALLED_SCHEDULES));

/** The installed schedule of a deployment (script IDs match without regard to case, as in NetSuite). */
export function installedSchedule(deploymentId: string): Recurrence | undefined {
  return BY_ID.get(deploymentId.toLowerCase());
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Days since 1970-01-01 (UTC) of a `yyyy-MM-dd`. */
function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // Date.UTC rolls 2026-02-30 over to March: a date that does not come back the same is not one.
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new Error(`schedules: "${date}" is not a yyyy-MM-dd date`);
  }
  return ms / DAY;
}

/** Minutes after midnight UTC of an `HH:mm:00Z`; seconds are dropped, as SDF drops them on deploy. */
function minuteOfDay(time: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d):[0-5]\dZ$/.exec(time);
  if (!m) throw new Error(`schedules: "${time}" is not an HH:mm:00Z time`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 1970-01-01 was a Thursday. */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** Whether the schedule runs on `day` (day number), `day` being on or after its start. */
function runsOn(schedule: Recurrence, day: number, start: number): boolean {
  if (schedule.kind === "daily") return (day - start) % schedule.everyxdays === 0;
  if (!schedule.days.includes(WEEKDAYS[weekdayOf(day)] as Weekday)) return false;
  // Weeks counted from the one holding startdate, taken to begin on Sunday (the weekly group's first day
  // field; Oracle does not say where a week begins): it matters only for everyxweeks > 1.
  const firstSunday = start - weekdayOf(start);
  return Math.floor((day - firstSunday) / 7) % schedule.everyxweeks === 0;
}

/**
 * The first run at or after `now` (a run due this very millisecond has not yet shown as done), or
 * undefined when the schedule is absent (not scheduled), past its enddate, or names no day.
 */
export function nextRun(schedule: Recurrence | undefined, now: Date): Date | undefined {
  if (schedule === undefined) return undefined;
  const start = dayNumber(schedule.startdate);
  const minute = minuteOfDay(schedule.starttime);
  const end = schedule.enddate === undefined ? Number.POSITIVE_INFINITY : dayNumber(schedule.enddate);
  const period = schedule.kind === "daily" ? schedule.everyxdays : 7 * schedule.everyxweeks;
  const from = Math.max(start, Math.floor(now.getTime() / DAY));
  // One period past `from` holds a run if the schedule has any (today's may already be past).
  for (let day = from; day <= from + period && day <= end; day++) {
    const at = day * DAY + minute * MINUTE;
    if (at >= now.getTime() && runsOn(schedule, day, start)) return new Date(at);
  }
  return undefined;
}

const capital = (day: Weekday): string => day.charAt(0).toUpperCase() + day.slice(1);

/** "Sunday", "Sunday and Wednesday", "Monday, Wednesday and Friday". */
function dayList(days: readonly Weekday[]): string {
  const names = WEEKDAYS.filter((d) => days.includes(d)).map(capital);
  const last = names.pop();
  if (last === undefined) return "no day";
  return names.length === 0 ? last : `${names.join(", ")} and ${last}`;
}

/** The schedule in words: "Daily at 03:00 UTC", "Weekly on Sunday at 04:00 UTC", "Not scheduled". */
export function describeSchedule(schedule: Recurrence | undefined): string {
  if (schedule === undefined) return "Not scheduled";
  const time = `${schedule.starttime.slice(0, 5)} UTC`;
  const until = schedule.enddate === undefined ? "" : `, until ${schedule.enddate}`;
  if (schedule.kind === "daily") {
    const every = schedule.everyxdays === 1 ? "Daily" : `Every ${schedule.everyxdays} days`;
    return `${every} at ${time}${until}`;
  }
  const every = schedule.everyxweeks === 1 ? "Weekly" : `Every ${schedule.everyxweeks} weeks`;
  return `${every} on ${dayList(schedule.days)} at ${time}${until}`;
}
