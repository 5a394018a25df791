/**
 * Port runs one API per region; users pick a region name or point at their own URL (the local emulator, a proxy).
 * Why validate here: a typo in stack config should fail at preview with the allowed forms, not as a DNS error later.
 */

export const PORT_REGION_BASE_URLS = {
  eu: "https://api.port.io",
  us: "https://api.us.port.io",
} as const;

export type PortRegion = keyof typeof PORT_REGION_BASE_URLS;

const ALLOWED_FORMS =
  `"eu" (${PORT_REGION_BASE_URLS.eu}, the default), "us" (${PORT_REGION_BASE_URLS.us}), ` + `or an http(s) URL without query or fragment such as http://127.0.0.1:5555`;

/**
 * Turns a region name or URL into a base URL without a trailing slash.
 * `undefined` or a blank string means the default region ("eu"), so an unset config value behaves like no value.
 */
export function resolvePortBaseUrl(regionOrUrl?: string): string {
  const value = (regionOrUrl ?? "").trim();
  if (value === "") return PORT_REGION_BASE_URLS.eu;

  const region = value.toLowerCase();
  if (region === "eu" || region === "us") return PORT_REGION_BASE_URLS[region];

  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  // Paths are appended to the base, so a query or fragment would end up in the wrong place.
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.search !== "" || url.hash !== "") {
    throw new Error(`Invalid Port region or base URL ${JSON.stringify(regionOrUrl)}: expected ${ALLOWED_FORMS}.`);
  }
  return value.replace(/\/+$/, "");
}
