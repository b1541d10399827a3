/**
 * The Pulumi engine's rules on a deployment's registrations, shared by the mock-engine
 * helpers and the gRPC engine stand-in so that both judge a run the same way.
 *
 * From pulumi/pulumi v3.248.0: `pkg/resource/deploy/deployment.go` `generateURN` (a child's
 * URN qualifies its type by its parent's type chain, the root stack's type left out),
 * `pkg/resource/deploy/step_generator.go` `generateURN` ("Duplicate resource URN"),
 * `collapseAliasToUrn` and `getOldResource` ("Duplicate resource alias").
 */

/** Type of the stack resource, which is left out of its children's URNs. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
export function urnParts(urn: string): { stack: string; project: string; qualifiedType: string; name: string } {
  const [, stack, project, qualifiedType, ...name] = urn.replace(/^urn:pulumi:/, "urn:pulumi::").split("::");
  return { stack: stack!, project: project!, qualifiedType: qualifiedType!, name: name.join("::") };
}

/** The URN the engine gives a resource (`deployment.go` `generateURN`). */
export function makeUrn(stack: string, project: string, parent: string, type: string, name: string): string {
  const parentType = parent && urnParts(parent).qualifiedType !== ROOT_STACK_TYPE ? urnParts(parent).qualifiedType : "";
  return `urn:pulumi:${stack}::${project}::${parentType ? `${parentType}$` : ""}${type}::${name}`;
}

/** An alias as the SDK sends it (`Alias.toObject()`). */
export interface AliasSpec {
  urn?: string;
  spec?: { name?: string; type?: string; stack?: string; project?: string; parenturn?: string; noparent?: boolean };
}

/** What the rules need of one registration. */
export interface RegisteredUrn {
  type: string;
  name: string;
  urn: string;
  parent: string;
  aliases: unknown[];
}

/**
 * The URN an alias names, resolved as the engine does (`collapseAliasToUrn`): unset parts
 * default to the resource's own name, type, stack, project and parent.
 */
export function aliasUrn(resource: RegisteredUrn, alias: AliasSpec): string {
  if (alias.urn) return alias.urn;
  const own = urnParts(resource.urn);
  const spec = alias.spec ?? {};
  const parent = spec.noparent ? "" : spec.parenturn || resource.parent;
  return makeUrn(spec.stack || own.stack, spec.project || own.project, parent, spec.type || resource.type, spec.name || resource.name);
}

/**
 * Violations of the engine's URN and alias rules by one deployment's registrations, in
 * order. Without `previous` (the URNs of the state before it), every alias is checked as if
 * it named an old resource, the stricter reading the mock engine applies; with it, as the
 * engine does: an alias counts only when the old state holds its URN.
 */
export function engineRuleViolations(resources: readonly RegisteredUrn[], previous?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    if (seen.has(r.urn)) out.push(`Duplicate resource URN '${r.urn}'`);
    seen.add(r.urn);
  }
  const aliased = new Map<string, string>();
  for (const r of resources) {
    const claimed = aliased.get(r.urn);
    if (claimed !== undefined) out.push(`Duplicate resource alias: '${r.urn}' was already claimed as an alias by '${claimed}'`);
    for (const alias of r.aliases as AliasSpec[]) {
      const urn = aliasUrn(r, alias);
      if (urn === r.urn || (previous && !previous.has(urn))) continue;
      const by = aliased.get(urn) ?? (seen.has(urn) ? urn : undefined);
      if (by !== undefined) {
        out.push(`Duplicate resource alias '${urn}' applied to resource with URN '${r.urn}' conflicting with resource with URN '${by}'`);
      } else aliased.set(urn, r.urn);
    }
  }
  return out;
}
