import type { TestProject } from "vitest/node";
import { runPlan, SHIPPED_STACKS } from "../helpers/run-plan";

// About forty tests across a dozen files read `plan --stack <s> --json` of a shipped stack, each
// once. The plan of an unchanged stack is the same every time, so the CLI runs once per stack here,
// as a user runs it, and the files read its output through inject(). Every plan with other
// arguments, another stacks dir or an environment still runs its own process.

export default async function setup(project: TestProject): Promise<void> {
  const runs = await Promise.all(SHIPPED_STACKS.map(async (stack) => [stack, await runPlan(["--stack", stack, "--json"])] as const));
  project.provide("shippedPlans", Object.fromEntries(runs));
}
