import { statSync } from "node:fs";

// Where verify --browser (and the browser tests) find Debian's Chromium, apart from playwright so
// asking costs no browser-library load.

export const CHROMIUM = "/usr/bin/chromium";

/** An executable regular file at `path`, not a device or an empty mount standing in its place. */
export function isExecutableFile(path: string): boolean {
  const st = statSync(path, { throwIfNoEntry: false });
  return !!st && st.isFile() && (st.mode & 0o111) !== 0;
}
