/**
 * The error a call throws, checked to be of the expected class (a usage error, a data error…),
 * so that a test can look at its message and hint; fails when the call throws nothing.
 */
export function thrown<E extends Error>(kind: new (...args: never[]) => E, call: () => unknown): E {
  try {
    call();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}, but nothing was thrown`);
}
