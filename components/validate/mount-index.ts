/**
 * Finds mounts at the same or nested paths without comparing every pair: each mount is
 * indexed under its path and under each of its ancestors, so a lookup costs the depth of
 * the path, and catalogs of thousands of connections stay linear.
 */

/** `/a/b/` → `/a/b`; `/` stays. */
export const normalizeMountPath = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") || "/" : p);

/** Proper ancestors of a normalised absolute path: `/a/b` → [`/`, `/a`]. */
function ancestors(p: string): string[] {
  if (p === "/") return [];
  const parts = p.split("/").slice(1, -1);
  const out = ["/"];
  let acc = "";
  for (const part of parts) out.push((acc += `/${part}`));
  return out;
}

export class MountIndex<T extends { mountPath: string }> {
  private readonly order = new Map<T, number>();
  private readonly atPath = new Map<string, T[]>();
  private readonly below = new Map<string, T[]>();

  add(item: T): void {
    const p = normalizeMountPath(item.mountPath);
    this.order.set(item, this.order.size);
    push(this.atPath, p, item);
    for (const a of ancestors(p)) push(this.below, a, item);
  }

  /** The earliest-added item at the same path as `path`, above it or below it, that `accept`s. */
  findClash(path: string, accept: (other: T) => boolean = () => true): T | undefined {
    const p = normalizeMountPath(path);
    const candidates = [...(this.atPath.get(p) ?? []), ...ancestors(p).flatMap((a) => this.atPath.get(a) ?? []), ...(this.below.get(p) ?? [])];
    let best: T | undefined;
    for (const c of candidates) {
      if (accept(c) && (best === undefined || this.order.get(c)! < this.order.get(best)!)) best = c;
    }
    return best;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
