/**
 * The installed schedules (ts/lib/operations/schedules.ts, pure: run as is): the table against the
 * `<recurrence>` of every map/reduce object in src/Objects/Scripts, and the next run at its boundaries.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeSchedule,
  INSTALLED_SCHEDULES,
  installedSchedule,
  nextRun,
  type Recurrence,
  WEEKDAYS,
  type WeeklyRecurrence,
} from "../ts/lib/operations/schedules.js";
import { SCRIPTS } from "../ts/lib/records/object-ids.js";

const SCRIPTS_DIR = fileURLToPath(new URL("../src/Objects/Scripts/", import.meta.url));

interface XmlDeployment {
  file: string;
  id: string;
  status: string | undefined;
  isdeployed: string | undefined;
  recurrence: Recurrence | undefined;
}

/** `<name>value</name>` children of an XML fragment, comments dropped. */
function children(xml: string): Map<string, string> {
  const found = new Map<string, string>();
  const plain = xml.replace(/<!--[\s\S]*?-->/g, "");
  for (const m of plain.matchAll(/<(\w+)>([\s\S]*?)<\/\1>/g))
    found.set(m[1] as string, (m[2] as string).trim());
  return found;
}

/** The recurrence group of a deployment as the table writes it; fails on an element it does not model. */
function readRecurrence(deployment: string): Recurrence | undefined {
  const block = /<recurrence>([\s\S]*?)<\/recurrence>/.exec(deployment)?.[1];
  if (block === undefined) return undefined;
  const groups = [...children(block)];
  expect(groups.map(([name]) => name)).toHaveLength(1);
  const [kind, body] = groups[0] as [string, string];
  const fields = children(body);
  const field = (name: string): string => {
    const value = fields.get(name);
    if (value === undefined) throw new Error(`<${kind}> has no <${name}>`);
    fields.delete(name);
    return value;
  };
  const start = { startdate: field("startdate"), starttime: field("starttime") };
  const end = fields.has("enddate") ? { enddate: field("enddate") } : {};
  let recurrence: Recurrence;
  if (kind === "daily") {
    recurrence = { kind, everyxdays: Number(field("everyxdays")), ...start, ...end };
  } else if (kind === "weekly") {
    const days = WEEKDAYS.filter((d) => field(d) === "T");
    recurrence = { kind, everyxweeks: Number(field("everyxweeks")), days, ...start, ...end };
  } else {
    throw new Error(`<${kind}> is not a recurrence group schedules.ts models`);
  }
  // Anything left (repeat, say) would change when it runs: the table must learn it first.
  expect([...fields.keys()], `<${kind}> elements schedules.ts ignores`).toEqual([]);
  return recurrence;
}

/** Every deployment of every map/reduce object. */
function xmlDeployments(): XmlDeployment[] {
  const files = readdirSync(SCRIPTS_DIR).filter((f) => /^customscript_\w+_mr\.xml$/.test(f));
  return files.flatMap((file) => {
    const xml = readFileSync(`${SCRIPTS_DIR}${file}`, "utf8");
    return [...xml.matchAll(/<scriptdeployment scriptid="(\w+)">([\s\S]*?)<\/scriptdeployment>/g)].map(
      (m) => {
        const body = m[2] as string;
        const own = children(body.replace(/<recurrence>[\s\S]*?<\/recurrence>/, ""));
        return {
          file,
          id: m[1] as string,
          status: own.get("status"),
          isdeployed: own.get("isdeployed"),
          recurrence: readRecurrence(body),
        };
      },
    );
  });
}

describe("the installed schedules are the objects' recurrences", () => {
  const deployments = xmlDeployments();

  it("reads the four map/reduce deployments", () => {
    expect(deployments.map((d) => d.id).sort()).toEqual(
      [SCRIPTS.massSync, SCRIPTS.paymentMethodRefresh, SCRIPTS.eventPurge, SCRIPTS.duplicatesScan]
        .map((s) => s.deploymentId)
        .sort(),
    );
  });

  it("holds each SCHEDULED deployment's recurrence exactly, and nothing else", () => {
    const scheduled = deployments.filter((d) => d.status === "SCHEDULED");
    expect(scheduled.length).toBeGreaterThan(0);
    for (const d of scheduled) {
      expect(d.isdeployed, d.file).toBe("T");
      expect(d.recurrence, `${d.file} has no <recurrence>`).toBeDefined();
      expect(installedSchedule(d.id), d.file).toEqual(d.recurrence);
    }
    expect(Object.keys(INSTALLED_SCHEDULES).sort()).toEqual(scheduled.map((d) => d.id).sort());
  });

  it("has no schedule for a NOTSCHEDULED deployment (the mass sync)", () => {
    const massSync = deployments.find((d) => d.id === SCRIPTS.massSync.deploymentId);
    expect(massSync?.status).toBe("NOTSCHEDULED");
    for (const d of deployments.filter((x) => x.status !== "SCHEDULED")) {
      expect(d.recurrence, `${d.file}: a recurrence that never runs`).toBeUndefined();
      expect(installedSchedule(d.id)).toBeUndefined();
      expect(nextRun(installedSchedule(d.id), new Date())).toBeUndefined();
    }
  });

  it("reads a recurrence element it does not model as a failure, not as nothing", () => {
    const daily =
      "<startdate>2026-01-01</startdate><starttime>03:00:00Z</starttime><everyxdays>1</everyxdays>";
    expect(readRecurrence(`<recurrence><daily>${daily}</daily></recurrence>`)).toMatchObject({
      kind: "daily",
    });
    expect(() =>
      readRecurrence(`<recurrence><daily>${daily}<repeat>PT1H</repeat></daily></recurrence>`),
    ).toThrow(/ignores/);
    expect(() => readRecurrence(`<recurrence><single>${daily}</single></recurrence>`)).toThrow(/models/);
  });

  it("finds a deployment without regard to case, and nothing under a prototype's name", () => {
    const id = SCRIPTS.paymentMethodRefresh.deploymentId;
    expect(installedSchedule(id.toUpperCase())).toBe(installedSchedule(id));
    expect(installedSchedule("toString")).toBeUndefined();
  });

  it("describes them", () => {
    expect(describeSchedule(installedSchedule(SCRIPTS.paymentMethodRefresh.deploymentId))).toBe(
      "Daily at 03:00 UTC",
    );
    expect(describeSchedule(installedSchedule(SCRIPTS.eventPurge.deploymentId))).toBe(
      "Weekly on Sunday at 04:00 UTC",
    );
    expect(describeSchedule(installedSchedule(SCRIPTS.duplicatesScan.deploymentId))).toBe(
      "Weekly on Sunday at 05:00 UTC",
    );
    expect(describeSchedule(installedSchedule(SCRIPTS.massSync.deploymentId))).toBe("Not scheduled");
  });
});

const at = (iso: string): Date => new Date(iso);
const next = (schedule: Recurrence | undefined, now: string): string | undefined =>
  nextRun(schedule, at(now))?.toISOString();

describe("nextRun", () => {
  const refresh = installedSchedule(SCRIPTS.paymentMethodRefresh.deploymentId);
  const purge = installedSchedule(SCRIPTS.eventPurge.deploymentId);

  it("daily: today's run until its start time, inclusive; then tomorrow's", () => {
    expect(next(refresh, "2026-03-10T00:00:00.000Z")).toBe("2026-03-10T03:00:00.000Z");
    expect(next(refresh, "2026-03-10T02:59:59.999Z")).toBe("2026-03-10T03:00:00.000Z");
    expect(next(refresh, "2026-03-10T03:00:00.000Z")).toBe("2026-03-10T03:00:00.000Z");
    expect(next(refresh, "2026-03-10T03:00:00.001Z")).toBe("2026-03-11T03:00:00.000Z");
    expect(next(refresh, "2026-12-31T23:59:59.999Z")).toBe("2027-01-01T03:00:00.000Z");
  });

  it("weekly: the next Sunday at 04:00 UTC, from any weekday", () => {
    // Wednesday 11 March 2026 → Sunday 15 March.
    const run = nextRun(purge, at("2026-03-11T12:00:00Z"));
    expect(run?.toISOString()).toBe("2026-03-15T04:00:00.000Z");
    expect(run?.getUTCDay()).toBe(0);
    expect(next(purge, "2026-03-14T23:59:59.999Z")).toBe("2026-03-15T04:00:00.000Z");
    expect(next(purge, "2026-03-15T03:59:59.999Z")).toBe("2026-03-15T04:00:00.000Z");
    expect(next(purge, "2026-03-15T04:00:00.000Z")).toBe("2026-03-15T04:00:00.000Z");
    expect(next(purge, "2026-03-15T04:00:00.001Z")).toBe("2026-03-22T04:00:00.000Z");
    // Monday: six days on.
    expect(next(purge, "2026-03-16T00:00:00Z")).toBe("2026-03-22T04:00:00.000Z");
  });

  it("before startdate: the first run", () => {
    expect(next(refresh, "2025-06-01T12:00:00Z")).toBe("2026-01-01T03:00:00.000Z");
    expect(next(purge, "2025-06-01T12:00:00Z")).toBe("2026-01-04T04:00:00.000Z");
    // On startdate itself, past the time: the second.
    expect(next(refresh, "2026-01-01T03:00:00.001Z")).toBe("2026-01-02T03:00:00.000Z");
  });

  it("every 3 days, counted from startdate", () => {
    const every3: Recurrence = {
      kind: "daily",
      everyxdays: 3,
      startdate: "2026-01-01",
      starttime: "03:00:00Z",
    };
    expect(next(every3, "2025-12-31T05:00:00Z")).toBe("2026-01-01T03:00:00.000Z");
    expect(next(every3, "2026-01-01T03:00:00.001Z")).toBe("2026-01-04T03:00:00.000Z");
    expect(next(every3, "2026-01-03T23:00:00Z")).toBe("2026-01-04T03:00:00.000Z");
    expect(next(every3, "2026-01-04T02:59:59.999Z")).toBe("2026-01-04T03:00:00.000Z");
    expect(next(every3, "2026-01-04T03:00:00.001Z")).toBe("2026-01-07T03:00:00.000Z");
    // 1 March 2026 is day 59 after startdate: 2 March (day 60) runs.
    expect(next(every3, "2026-03-01T12:00:00Z")).toBe("2026-03-02T03:00:00.000Z");
    expect(describeSchedule(every3)).toBe("Every 3 days at 03:00 UTC");
  });

  it("every 2 weeks on Monday and Thursday, weeks counted from startdate's (Sunday-first)", () => {
    // Startdate Wednesday 7 January 2026: its week (4–10 Jan) runs Thursday 8 only, Monday 5 being
    // before startdate; the next week is skipped; then 19 and 22 January, 2 and 5 February.
    const fortnightly: WeeklyRecurrence = {
      kind: "weekly",
      everyxweeks: 2,
      days: ["monday", "thursday"],
      startdate: "2026-01-07",
      starttime: "10:30:00Z",
    };
    expect(next(fortnightly, "2026-01-01T00:00:00Z")).toBe("2026-01-08T10:30:00.000Z");
    expect(next(fortnightly, "2026-01-08T10:30:00.001Z")).toBe("2026-01-19T10:30:00.000Z");
    expect(next(fortnightly, "2026-01-12T10:00:00Z")).toBe("2026-01-19T10:30:00.000Z");
    expect(next(fortnightly, "2026-01-19T10:30:00.001Z")).toBe("2026-01-22T10:30:00.000Z");
    expect(next(fortnightly, "2026-01-22T11:00:00Z")).toBe("2026-02-02T10:30:00.000Z");
    expect(next(fortnightly, "2026-02-02T11:00:00Z")).toBe("2026-02-05T10:30:00.000Z");
    expect(describeSchedule(fortnightly)).toBe("Every 2 weeks on Monday and Thursday at 10:30 UTC");
  });

  it("none when ended, not scheduled, or on no day", () => {
    const ending: Recurrence = {
      kind: "daily",
      everyxdays: 1,
      startdate: "2026-01-01",
      starttime: "03:00:00Z",
      enddate: "2026-01-10",
    };
    expect(next(ending, "2026-01-10T02:00:00Z")).toBe("2026-01-10T03:00:00.000Z");
    expect(next(ending, "2026-01-10T03:00:00.001Z")).toBeUndefined();
    expect(next(ending, "2027-01-01T00:00:00Z")).toBeUndefined();
    expect(describeSchedule(ending)).toBe("Daily at 03:00 UTC, until 2026-01-10");
    expect(next(undefined, "2026-01-01T00:00:00Z")).toBeUndefined();
    const noDay: Recurrence = { ...(purge as WeeklyRecurrence), days: [] };
    expect(next(noDay, "2026-03-11T00:00:00Z")).toBeUndefined();
    expect(describeSchedule(noDay)).toBe("Weekly on no day at 04:00 UTC");
  });

  it("lists three days in words", () => {
    const three: Recurrence = { ...(purge as WeeklyRecurrence), days: ["friday", "monday", "wednesday"] };
    expect(describeSchedule(three)).toBe("Weekly on Monday, Wednesday and Friday at 04:00 UTC");
  });

  it("refuses a starttime or startdate SDF would not take", () => {
    expect(() => nextRun({ ...(refresh as Recurrence), starttime: "03:00:00" }, new Date())).toThrow(/HH:mm/);
    expect(() => nextRun({ ...(refresh as Recurrence), starttime: "24:00:00Z" }, new Date())).toThrow();
    expect(() => nextRun({ ...(refresh as Recurrence), startdate: "2026-02-30" }, new Date())).toThrow(
      /yyyy-MM-dd/,
    );
  });

  /** Runs listed the long way: each period's candidate days from startdate on, in order. */
  function runsTheLongWay(s: Recurrence, until: number): number[] {
    const DAY = 86_400_000;
    const start = Date.parse(`${s.startdate}T00:00:00Z`);
    const minute = Number(s.starttime.slice(0, 2)) * 60 + Number(s.starttime.slice(3, 5));
    const days: number[] = [];
    if (s.kind === "daily") {
      for (let d = start; d <= until; d += s.everyxdays * DAY) days.push(d);
    } else {
      const sunday = start - new Date(start).getUTCDay() * DAY;
      for (let w = sunday; w <= until; w += 7 * s.everyxweeks * DAY) {
        for (const [i, name] of WEEKDAYS.entries()) {
          if (s.days.includes(name) && w + i * DAY >= start) days.push(w + i * DAY);
        }
      }
    }
    return days.map((d) => d + minute * 60_000);
  }

  it("agrees with the runs listed the long way, for any schedule and moment", () => {
    const start = {
      startdate: fc
        .integer({ min: 0, max: 800 })
        .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10)),
      starttime: fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`),
    };
    const schedule: fc.Arbitrary<Recurrence> = fc.oneof(
      fc.record({
        kind: fc.constant("daily" as const),
        everyxdays: fc.integer({ min: 1, max: 30 }),
        ...start,
      }),
      fc.record({
        kind: fc.constant("weekly" as const),
        everyxweeks: fc.integer({ min: 1, max: 6 }),
        days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
        ...start,
      }),
    );
    const now = fc.integer({ min: Date.UTC(2024, 6, 1), max: Date.UTC(2028, 0, 1) });
    fc.assert(
      fc.property(schedule, now, (s, t) => {
        // 1,200 days on reaches past the latest startdate from the earliest moment.
        const expected = runsTheLongWay(s, t + 1200 * 86_400_000).find((r) => r >= t);
        expect(nextRun(s, new Date(t))?.getTime()).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
