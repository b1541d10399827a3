import { strict as assert } from "node:assert";
import { MountIndex } from "../components/validate/mount-index.js";

describe("MountIndex", () => {
  const index = new MountIndex<{ mountPath: string; id: string }>();
  for (const [id, mountPath] of [
    ["a", "/data/a"],
    ["ab", "/data/ab/"],
    ["deep", "/x/y/z"],
  ])
    index.add({ id: id!, mountPath: mountPath! });
  const clash = (p: string) => index.findClash(p)?.id;

  it("finds the same path, trailing slashes ignored", () => {
    assert.equal(clash("/data/a/"), "a");
    assert.equal(clash("/data/ab"), "ab");
  });
  it("finds mounts above and below, not siblings sharing a prefix", () => {
    assert.equal(clash("/data/a/b"), "a");
    assert.equal(clash("/x"), "deep");
    assert.equal(clash("/data/abc"), undefined);
    assert.equal(clash("/x/yz"), undefined);
  });
  it("treats / as holding everything, and returns the earliest added", () => {
    assert.equal(clash("/"), "a");
    assert.equal(index.findClash("/data", (m) => m.id !== "a")?.id, "ab");
  });
});
