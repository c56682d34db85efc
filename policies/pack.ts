import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

// What `pulumi preview --policy-pack policies` runs. Constructing the pack starts its gRPC server,
// so nothing else imports this file; the offline plan and the tests import ./policies.
new PolicyPack("launch-baseline", {
  description: "The launch-baseline deploy gate: transport security, email authentication, secrets and monitoring.",
  policies,
});
