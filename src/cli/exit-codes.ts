/** Documented exit codes of the `concord` command. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  deadLettered: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
