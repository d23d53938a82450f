/**
 * The lobby API's default version is `DEFAULT_MACHINE` in worker/lobby.ts, the one place that says
 * it. The lobby page cannot import the Worker's module (it pulls in the Durable Object runtime), so
 * the build reads the constant from that file's source (client/vite.config.ts, and vitest.config.ts
 * for the client tests) and hands it to the page as `__LOBBY_DEFAULT_MACHINE__`. Pure.
 */

/** The path of the module that declares the default, from the repository's root. */
export const DEFAULT_MACHINE_MODULE = 'worker/lobby.ts';

/** The `name@version` worker/lobby.ts's source declares as `DEFAULT_MACHINE`; throws when it declares none as a string literal. */
export function defaultMachineIn(source: string): string {
  const declared = /^export const DEFAULT_MACHINE(?:\s*:\s*[\w<>]+)?\s*=\s*['"]([a-z][a-z0-9-]*@[1-9][0-9]*)['"];?\s*$/m.exec(source);
  if (!declared) {
    throw new Error(
      `${DEFAULT_MACHINE_MODULE} no longer declares \`export const DEFAULT_MACHINE = 'name@version'\`: the lobby page's build reads it (client/lobby/default-machine-source.ts).`,
    );
  }
  return declared[1]!;
}
