import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { buildAsyncApi } from '../shared/src/docs/asyncapi.js';

export const ASYNCAPI_PATH = fileURLToPath(new URL('../docs/asyncapi.yaml', import.meta.url));

export function asyncApiYaml(): string {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return stringify(buildAsyncApi(version), { lineWidth: 0, aliasDuplicateObjects: false });
}
