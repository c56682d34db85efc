// Plans a stack offline, exactly as `plan` does, but hands the self-managed DKIM key resource a
// key pair the test made, so the published DKIM record is one the test can sign for. Writes the
// zone file to OUT. Usage: node -r ./cli/register.js tests/helpers/plan-with-key.ts STACK STACKS_DIR PUBLIC_PEM_FILE OUT
import { readFileSync, writeFileSync } from "node:fs";
import { zoneFile } from "../../lib/dns/zone-file";
import { planStack } from "../../lib/plan/plan";
import { policies } from "../../policies/policies";

async function main() {
  const [stack, stacksDir, publicPemFile, out] = process.argv.slice(2);
  const publicKeyPem = readFileSync(publicPemFile, "utf8");
  const result = await planStack({
    project: "launch-baseline",
    stack,
    stacksDir,
    programPath: "index.ts",
    policies,
    wrapMocks: (base) => ({
      ...base,
      async newResource(args) {
        const r = await base.newResource(args);
        return args.type === "tls:index/privateKey:PrivateKey" ? { ...r, state: { ...r.state, publicKeyPem } } : r;
      },
    }),
  });
  const config = result.config!;
  writeFileSync(out, zoneFile(result.resources, config.cloudflareZoneId, config.domain, `; ${stack} with a test key`).text);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  },
);
