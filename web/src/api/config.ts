import type { PartnerAgency, WebClientConfig } from './types';
import { getJson } from './http';

let loaded: Promise<WebClientConfig> | undefined;

/** `/config.json`, fetched once: where each agency's API is and how people sign in. */
export function webConfig(): Promise<WebClientConfig> {
  loaded ??= getJson<WebClientConfig>('/config.json').catch((err: unknown) => {
    loaded = undefined; // let the next screen try again
    throw err;
  });
  return loaded;
}

export async function agencyUrl(agency: PartnerAgency, path: string): Promise<string> {
  return `${(await webConfig()).agencies[agency]}${path}`;
}
