// Issue a local development token: npm run issue-token -- --role chair --agency conference --sub chair-1 [--name "Sam Chair"]
import { parseArgs } from 'node:util';
import { issueLocalToken, Principal } from '@convene/shared/auth';
import { DEV_JWT_SECRET } from './lib/devSecrets.js';

const { values } = parseArgs({ options: { role: { type: 'string' }, agency: { type: 'string' }, sub: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string', default: '8h' } } });
const principal = Principal.safeParse({ sub: values.sub, role: values.role, agency: values.agency, ...(values.name ? { name: values.name } : {}) });
if (!principal.success) {
  console.error(`usage: npm run issue-token -- --role <${Principal.shape.role.options.join('|')}> --agency <${Principal.shape.agency.options.join('|')}> --sub <user id> [--name <display name>]`);
  console.error(principal.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(2);
}
console.log(await issueLocalToken(process.env.CONVENE_JWT_SECRET ?? DEV_JWT_SECRET, principal.data, { expiresIn: values.expires! }));
