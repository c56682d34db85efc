// The file syntaxes secrets are written in, each rendering one name and value. A corpus case is
// a family's value in one syntax; the detector must find it (or stay quiet on a look-alike) in
// every one of them.

import { nameWords } from "../../lib/secrets/names";

const words = (name: string) => nameWords(name);
const camel = (name: string) => words(name).map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join("");
const pascal = (name: string) => words(name).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
const snake = (name: string) => words(name).join("_");
const dotted = (name: string) => words(name).join(".");
const upper = (name: string) => words(name).join("_").toUpperCase();

export interface Syntax {
  readonly id: string;
  render(name: string, value: string): string;
}

export const SYNTAXES: readonly Syntax[] = [
  { id: "dotenv", render: (n, v) => `# app settings\n${upper(n)}=${v}\n` },
  { id: "shell-export", render: (n, v) => `#!/bin/sh\nexport ${upper(n)}="${v}"\nexec node server.js\n` },
  { id: "yaml", render: (n, v) => `service:\n  region: eu-west-1\n  ${snake(n)}: '${v}'\n` },
  { id: "json", render: (n, v) => `{\n  "region": "eu-west-1",\n  "${camel(n)}": "${v}"\n}\n` },
  { id: "javascript", render: (n, v) => `export const config = {\n  ${camel(n)}: "${v}",\n};\n` },
  { id: "python", render: (n, v) => `import os\n\n${snake(n).toUpperCase()} = '${v}'\n` },
  { id: "go", render: (n, v) => `func client() {\n\t${camel(n)} := "${v}"\n\tuse(${camel(n)})\n}\n` },
  { id: "makefile", render: (n, v) => `${upper(n)} ?= ${v}\n\ndeploy:\n\t./deploy.sh\n` },
  { id: "java-property", render: (n, v) => `public static void main(String[] args) {\n    System.setProperty("${dotted(n)}", "${v}");\n}\n` },
  { id: "properties", render: (n, v) => `spring.application.name=community\n${dotted(n)}=${v}\n` },
  { id: "toml", render: (n, v) => `[service]\n${snake(n)} = "${v}"\n` },
  { id: "xml-inline", render: (n, v) => `<settings>\n  <${camel(n)}>${v}</${camel(n)}>\n</settings>\n` },
  { id: "xml-own-line", render: (n, v) => `<settings>\n  <${camel(n)}>\n    ${v}\n  </${camel(n)}>\n</settings>\n` },
  { id: "dotnet-appsettings", render: (n, v) => `<appSettings>\n  <add key="${pascal(n)}" value="${v}" />\n</appSettings>\n` },
  { id: "powershell", render: (n, v) => `Connect-Service -Region eu-west-1 -${pascal(n)} "${v}"\n` },
  { id: "json-escaped-env", render: (n, v) => `{"name":"web","environment":"LOG_LEVEL=info\\n${upper(n)}=${v}\\nPORT=8080\\n"}\n` },
];
