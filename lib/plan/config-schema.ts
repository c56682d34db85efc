// A policy's config schema and the defaults it declares. Its own module, with no imports, because
// the published pack bundles it: nothing here may pull in a package the pack does not declare.

export interface ConfigSchema {
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly required?: readonly string[];
}

/** Each setting's default, from a policy's config schema. */
export function schemaDefaults(schema: ConfigSchema | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema?.properties ?? {}).flatMap(([k, s]) => ((s as { default?: unknown }).default === undefined ? [] : [[k, (s as { default?: unknown }).default]])));
}
