// The config as the Pulumi engine hands it to a program, before any parsing: the floor that both
// the stack-file reader and the parser stand on.

/** One config value as the Pulumi engine hands it to a program: a string (objects as JSON). */
export interface RawValue {
  readonly value: string;
  readonly secret: boolean;
}
export type RawConfig = ReadonlyMap<string, RawValue>;

/** Stands in for a `secure:` value offline: it cannot be decrypted without the stack's key. */
export const SECRET_PLACEHOLDER = "[secret]";
