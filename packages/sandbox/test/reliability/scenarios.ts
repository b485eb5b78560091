/**
 * The reliability cases, sized by the caller: the `*.test.ts` files run them small inside `npm test`,
 * the `*.reliability.test.ts` files large in `npm run test:reliability`. Each returns its figures; the
 * test file asserts the invariants and prints one line saying how many cases it tried.
 */
export * from "./scenarios/common.js";
export * from "./scenarios/faults.js";
export * from "./scenarios/races.js";
export * from "./scenarios/restart.js";
export * from "./scenarios/webhooks.js";
