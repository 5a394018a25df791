import { AccessTokenCache, type AccessTokenGrant } from "./token";

/** A cache over a scripted token source and a hand-driven clock. */
function setup(grants: (n: number) => AccessTokenGrant | Promise<AccessTokenGrant>) {
  let now = 1_000_000;
  let calls = 0;
  const cache = new AccessTokenCache(
    async () => grants(++calls),
    () => now,
  );
  return {
    cache,
    calls: () => calls,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("AccessTokenCache", () => {
  it("renews a 3-hour token 60 s before it expires", async () => {
    const t = setup((n) => ({ accessToken: `tok-${n}`, expiresIn: 10_800, tokenType: "Bearer" }));

    await expect(t.cache.authorization()).resolves.toBe("Bearer tok-1");
    t.advance(10_800_000 - 60_001);
    await expect(t.cache.authorization()).resolves.toBe("Bearer tok-1");
    t.advance(1);
    await expect(t.cache.authorization()).resolves.toBe("Bearer tok-2");
    expect(t.calls()).toBe(2);
  });

  it("renews a short-lived token at 90% of its lifetime", async () => {
    const t = setup((n) => ({ accessToken: `tok-${n}`, expiresIn: 10 }));

    await t.cache.authorization();
    t.advance(8_999);
    await expect(t.cache.authorization()).resolves.toBe("Bearer tok-1");
    t.advance(1);
    await expect(t.cache.authorization()).resolves.toBe("Bearer tok-2");
  });

  it("shares one in-flight fetch between concurrent callers", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const t = setup(async (n) => {
      await gate;
      return { accessToken: `tok-${n}`, expiresIn: 10_800 };
    });

    const pending = [t.cache.authorization(), t.cache.authorization(), t.cache.authorization()];
    release();

    await expect(Promise.all(pending)).resolves.toEqual(["Bearer tok-1", "Bearer tok-1", "Bearer tok-1"]);
    expect(t.calls()).toBe(1);
  });

  it("does not cache a failed fetch", async () => {
    const t = setup((n) => {
      if (n === 1) throw new Error("token route down");
      return { accessToken: `tok-${n}`, expiresIn: 10_800 };
    });

    await expect(t.cache.authorization()).rejects.toThrow("token route down");
    await expect(t.cache.authorization()).resolves.toBe("Bearer tok-2");
  });

  it("drops only the token that was rejected", async () => {
    const t = setup((n) => ({ accessToken: `tok-${n}`, expiresIn: 10_800 }));

    const first = await t.cache.authorization();
    t.cache.invalidate(first);
    const second = await t.cache.authorization();
    // A late 401 for the old token must not throw away the renewed one.
    t.cache.invalidate(first);

    await expect(t.cache.authorization()).resolves.toBe(second);
    expect([first, second]).toEqual(["Bearer tok-1", "Bearer tok-2"]);
    expect(t.calls()).toBe(2);
  });

  it("keeps a token without expiresIn until it is invalidated", async () => {
    const t = setup((n) => ({ accessToken: `tok-${n}` }));

    await t.cache.authorization();
    t.advance(365 * 24 * 3_600_000);
    await expect(t.cache.authorization()).resolves.toBe("Bearer tok-1");
    t.cache.invalidate("Bearer tok-1");
    await expect(t.cache.authorization()).resolves.toBe("Bearer tok-2");
  });
});
