/** Room ids, as every route checks them and the lobby makes them: 1–64 letters, digits, `-` or `_`. */
export const MAX_ROOM_ID_LENGTH = 64;
export const ROOM_ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_ROOM_ID_LENGTH}}$`);
