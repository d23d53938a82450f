/**
 * The version the lobby API creates when a request names none (worker/lobby.ts `DEFAULT_MACHINE`),
 * put into the page by the build (see default-machine-source.ts): the game-mode picker starts there.
 */
declare const __LOBBY_DEFAULT_MACHINE__: string;

export const LOBBY_DEFAULT_MACHINE: string = __LOBBY_DEFAULT_MACHINE__;
