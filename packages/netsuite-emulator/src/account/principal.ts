/**
 * Who a script runs as: a user (its ID, name and email, as `runtime.getCurrentUser()` shows them) with
 * one role. Which one depends on what started the script (account/run-as.ts).
 */
import { ADMINISTRATOR, ONLINE_FORM_USER, type RoleDef } from "./roles.js";

export interface Principal {
  userId: number;
  name: string;
  email: string;
  role: RoleDef;
}

/** The account administrator (employee -5, the emulator's seeded user). */
export const ADMIN_USER: Principal = {
  userId: -5,
  name: "Administrator",
  email: "admin@example.com",
  role: ADMINISTRATOR,
};

/**
 * Scheduled and map/reduce runs: the "-System-" user (-4, public reports: records such scripts write
 * show -System-) with Administrator permissions (Oracle's 2025 clarification of "Scheduling a
 * Map/Reduce Script Submission" and the scheduled-script pages: "the System user with administrator
 * permissions under which scripts run").
 */
export const SYSTEM_USER: Principal = { userId: -4, name: "-System-", email: "", role: ADMINISTRATOR };

/** A visitor who is not logged in: user -4, role -31 (Oracle, "Working with Online Forms"). */
export const ANONYMOUS: Principal = { userId: -4, name: "-System-", email: "", role: ONLINE_FORM_USER };

/** The same user with another role (a deployment's Execute as Role). */
export function withRole(principal: Principal, role: RoleDef): Principal {
  return { ...principal, role };
}
