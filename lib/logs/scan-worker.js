"use strict";
// A log-scan thread's entry, in plain JavaScript: the thread loads the project's TypeScript itself,
// whatever started the process (the verify CLI, vitest, the bench).
require("../../cli/register.js");
require("./scan-range");
