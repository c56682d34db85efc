// Where deployed configuration is visible to anyone who can read the resource: environment
// variable maps, plain-text bindings, String parameters, tags, descriptions, DNS records. The
// secret-bearing fields (Secrets Manager values, SecureString parameters, secret_text bindings,
// ECS `secrets` by ARN) are deliberately not listed: that is where secrets belong.

export interface ExposedValue {
  /** Where the value sits, for messages: "environment variable SMTP_PASSWORD of container web". */
  readonly where: string;
  /** The name it sits under (gates the entropy check). */
  readonly name: string;
  readonly value: string;
}

type Props = Record<string, any>;

const fromMap = (map: unknown, where: (k: string) => string): ExposedValue[] =>
  map && typeof map === "object" ? Object.entries(map as Record<string, unknown>).filter(([, v]) => typeof v === "string").map(([k, v]) => ({ where: where(k), name: k, value: v as string })) : [];

/** Environment variable maps of compute resources, by type. */
export function environmentVariables(type: string, props: Props): ExposedValue[] {
  switch (type) {
    case "aws:lambda/function:Function":
      return fromMap(props.environment?.variables, (k) => `environment variable ${k}`);
    case "aws:ecs/taskDefinition:TaskDefinition": {
      let containers: Array<{ name?: string; environment?: Array<{ name: string; value: string }> }> = [];
      try {
        containers = typeof props.containerDefinitions === "string" ? JSON.parse(props.containerDefinitions) : [];
      } catch {
        return [];
      }
      return containers.flatMap((c) => (c.environment ?? []).filter((e) => typeof e.value === "string").map((e) => ({ where: `environment variable ${e.name} of container ${c.name ?? "?"}`, name: e.name, value: e.value })));
    }
    case "aws:apprunner/service:Service": {
      const sc = props.sourceConfiguration ?? {};
      return [
        ...fromMap(sc.imageRepository?.imageConfiguration?.runtimeEnvironmentVariables, (k) => `runtime environment variable ${k}`),
        ...fromMap(sc.codeRepository?.codeConfiguration?.codeConfigurationValues?.runtimeEnvironmentVariables, (k) => `runtime environment variable ${k}`),
      ];
    }
    case "aws:elasticbeanstalk/environment:Environment":
      return ((props.settings ?? []) as Array<{ namespace: string; name: string; value: string }>)
        .filter((s) => s.namespace === "aws:elasticbeanstalk:application:environment" && typeof s.value === "string")
        .map((s) => ({ where: `environment property ${s.name}`, name: s.name, value: s.value }));
    case "cloudflare:index/workersScript:WorkersScript":
      return ((props.bindings ?? []) as Array<{ type: string; name: string; text?: string }>)
        .filter((b) => b.type === "plain_text" && typeof b.text === "string")
        .map((b) => ({ where: `plain_text binding ${b.name}`, name: b.name, value: b.text! }));
    case "cloudflare:index/pagesProject:PagesProject":
      return Object.entries((props.deploymentConfigs ?? {}) as Record<string, { envVars?: Record<string, { type?: string; value?: string }> }>).flatMap(([stage, cfg]) =>
        Object.entries(cfg?.envVars ?? {})
          .filter(([, v]) => v?.type !== "secret_text" && typeof v?.value === "string")
          .map(([k, v]) => ({ where: `${stage} environment variable ${k}`, name: k, value: v.value! })),
      );
    case "aws:ssm/parameter:Parameter":
      // Runtime settings are published one per parameter; its last path segment is the variable.
      return props.type === "SecureString" || typeof props.value !== "string" ? [] : [{ where: `${props.type ?? "String"} parameter ${props.name}`, name: String(props.name ?? "").split("/").pop() ?? "", value: props.value }];
    default:
      return [];
  }
}

/** Every place a value would be readable in plain text. */
export function exposedValues(type: string, props: Props): ExposedValue[] {
  const out = [...environmentVariables(type, props), ...fromMap(props.tags, (k) => `tag ${k}`)];
  if (typeof props.description === "string") out.push({ where: "description", name: "description", value: props.description });
  if (type === "cloudflare:index/dnsRecord:DnsRecord") {
    // Only TXT records carry free text; the others hold names and addresses.
    if (props.type === "TXT" && typeof props.content === "string") out.push({ where: `${props.type} record ${props.name}`, name: String(props.name), value: props.content });
    if (typeof props.comment === "string") out.push({ where: "record comment", name: "comment", value: props.comment });
  }
  return out;
}
