// Runs a stack's program offline, like `plan`, but hands the self-managed DKIM key resource a key
// pair the test made, so the published DKIM record is one the test can sign for. Writes the zone
// file to OUT. Usage: node -r ./cli/register.js tests/helpers/plan-with-key.ts STACK STACKS_DIR PUBLIC_PEM_FILE OUT
import { readFileSync, writeFileSync } from "node:fs";
import { parseLaunchConfig } from "../../lib/config/parse";
import { readStackConfig } from "../../lib/config/stack-file";
import { zoneFile } from "../../lib/dns/zone-file";
import { runProgram } from "../../lib/plan/engine";
import { offlineMocks } from "../../lib/plan/mocks";

async function main() {
  const [stack, stacksDir, publicPemFile, out] = process.argv.slice(2);
  const { raw, source } = readStackConfig(stacksDir, stack);
  const config = parseLaunchConfig(raw, { stack, source });
  const base = offlineMocks({ awsAccountId: config.awsAccountId, awsRegion: config.awsRegion });
  const publicKeyPem = readFileSync(publicPemFile, "utf8");
  const run = await runProgram({
    programPath: "index.ts",
    project: "launch-baseline",
    stack,
    config: raw,
    mockContext: { awsAccountId: config.awsAccountId, awsRegion: config.awsRegion },
    mocks: {
      ...base,
      async newResource(args) {
        const result = await base.newResource(args);
        return args.type === "tls:index/privateKey:PrivateKey" ? { ...result, state: { ...result.state, publicKeyPem } } : result;
      },
    },
  });
  writeFileSync(out, zoneFile(run.resources, config.cloudflareZoneId, config.domain, `; ${stack} with a test key`).text);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  },
);
