import { debugFlagProblem } from "../../lib/runtime/debug-flags";
import { OWASP_API8_MISCONFIGURATION, asvs, type LaunchResourcePolicy } from "../rule";
import { environmentVariables } from "./runtime-values";

export const noDebugMode: LaunchResourcePolicy = {
  name: "no-debug-mode",
  description: "Workloads must not run in debug or development mode: DEBUG, APP_DEBUG, FLASK_DEBUG, DJANGO_DEBUG true, NODE_ENV other than production, RAILS_ENV/RACK_ENV development, ASPNETCORE_ENVIRONMENT Development. (Cloudflare development mode is zone-development-mode-off.)",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set launch-baseline:runtime settings to production values (NODE_ENV=production, no debug flag) and redeploy. Debug pages leak stack traces, settings and sometimes secrets to any visitor.",
  references: [OWASP_API8_MISCONFIGURATION, asvs("V14.3.2", "Web or application server and framework debug modes are disabled in production")],
  runbook: "policy-gate-blocked-deploy",
  validateResource: (args, report) => {
    for (const v of environmentVariables(args.type, args.props)) {
      const problem = debugFlagProblem(v.name, v.value);
      if (problem) report(`${v.where}: ${problem}.`);
    }
  },
};
