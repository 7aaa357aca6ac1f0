/**
 * docker-compose.yml, the Dockerfile and the services' config schemas must agree.
 * There is no Docker engine in CI, so this is what proves the deployment files are consistent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { configShape as conferenceShape, loadConferenceConfig } from '../../services/conference/src/config.js';
import { configShape as policeShape, loadPoliceConfig } from '../../services/police/src/config.js';
import { configShape as cpsShape, loadCpsConfig } from '../../services/cps/src/config.js';
import { configShape as healthShape, loadHealthConfig } from '../../services/health/src/config.js';
import { configShape as advocacyShape, loadAdvocacyConfig } from '../../services/advocacy/src/config.js';

const root = new URL('../../', import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, root), 'utf8');

interface ServiceSpec {
  name: string;
  port: number;
  agency: boolean;
  shape: Record<string, z.ZodType>;
  load: (env: NodeJS.ProcessEnv) => unknown;
}

const services: ServiceSpec[] = [
  { name: 'conference', port: 4100, agency: false, shape: conferenceShape, load: loadConferenceConfig },
  { name: 'police', port: 4101, agency: true, shape: policeShape, load: loadPoliceConfig },
  { name: 'cps', port: 4102, agency: true, shape: cpsShape, load: loadCpsConfig },
  { name: 'health', port: 4103, agency: true, shape: healthShape, load: loadHealthConfig },
  { name: 'advocacy', port: 4104, agency: true, shape: advocacyShape, load: loadAdvocacyConfig },
];

type Env = Record<string, string>;
type ComposeService = Record<string, unknown> & {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, unknown> };
  environment?: Record<string, unknown> | string[];
  ports?: unknown[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: unknown; disable?: boolean };
  restart?: string;
  volumes?: unknown[];
};

// Compose supports YAML merge keys (`<<: *anchor`); the yaml package needs to be told to.
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services?: Record<string, ComposeService> };
const composeServices = compose.services ?? {};
const dockerfile = read('Dockerfile');

function service(name: string): ComposeService {
  const s = composeServices[name];
  if (!s) throw new Error(`docker-compose.yml has no service "${name}"`);
  return s;
}

/** A service's environment exactly as written (before interpolation), map or list form. */
function rawEnv(name: string): Env {
  const env = service(name).environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((line) => {
      const [key = '', ...rest] = String(line).split('=');
      return [key, rest.join('=')];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

const DUMMY_SECRET = 'x'.repeat(40);

/** Compose interpolation as `docker compose up` would do it with the required variables exported. */
function interpolate(value: string): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[?-])([^}]*))?\}|\$[A-Za-z_]/g, (match, _name: string | undefined, op: string | undefined, arg: string | undefined) => {
    if (match === '$$') return '$';
    if (op === ':?' || op === '?') return DUMMY_SECRET;
    if (op === ':-' || op === '-') return arg ?? '';
    throw new Error(`unexpected interpolation ${match}: give it a default (:-) or make it required (:?)`);
  });
}

function env(name: string): Env {
  return Object.fromEntries(Object.entries(rawEnv(name)).map(([k, v]) => [k, interpolate(v)]));
}

/** Keys with no default that are not optional: an object lacking them fails on that path. */
function requiredKeys(shape: Record<string, z.ZodType>): string[] {
  return Object.keys(shape).filter((key) => {
    const result = z.object({ [key]: shape[key]! }).safeParse({});
    return !result.success && result.error.issues.some((issue) => issue.path[0] === key);
  });
}

/** Short port syntax: [host_ip:]published:target[/protocol]. */
function portMappings(name: string): { ip: string | undefined; published: number; target: number }[] {
  return (service(name).ports ?? []).map((p) => {
    if (typeof p === 'object' && p !== null) {
      const o = p as { host_ip?: string; published?: string | number; target?: string | number };
      return { ip: o.host_ip, published: Number(o.published), target: Number(o.target) };
    }
    const parts = String(p).replace(/\/(tcp|udp)$/, '').split(':');
    const target = Number(parts.pop());
    const published = Number(parts.pop());
    return { ip: parts.pop(), published, target };
  });
}

describe('docker-compose.yml services', () => {
  describe.each(services)('$name', ({ name, port, agency, shape, load }) => {
    it('exists and builds from the Dockerfile with SERVICE set to its name', () => {
      const s = service(name);
      expect(s.build?.context).toBe('.');
      expect(s.build?.dockerfile).toBe('Dockerfile');
      expect(s.build?.args?.SERVICE).toBe(name);
      expect(s.image).toBeUndefined();
    });

    it(`publishes port ${port} on 127.0.0.1, the same as its PORT and its schema default`, () => {
      const schemaDefault = z.object(shape).shape.PORT!.parse(undefined);
      expect(schemaDefault).toBe(port);
      expect(env(name).PORT).toBe(String(port));
      expect(portMappings(name)).toEqual([{ ip: '127.0.0.1', published: port, target: port }]);
    });

    it('sets only variables its config schema reads', () => {
      const unknown = Object.keys(rawEnv(name)).filter((key) => !Object.hasOwn(shape, key));
      expect(unknown).toEqual([]);
    });

    it('sets every required variable of its config schema', () => {
      const missing = requiredKeys(shape).filter((key) => !(key in rawEnv(name)));
      expect(missing).toEqual([]);
    });

    it('has an environment its config schema and its start-up loader accept', () => {
      const result = z.object(shape).safeParse(env(name));
      expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
      // The loader adds the cross-field rule (a JWT secret or an OIDC JWKS URL) the raw shape cannot express.
      expect(() => load(env(name))).not.toThrow();
      const config = z.object(shape).parse(env(name)) as { HOST: string; NODE_ENV: string };
      expect(config.HOST).toBe('0.0.0.0');
      expect(config.NODE_ENV).toBe('production');
    });

    it('takes its secrets from the host environment, never from the file', () => {
      const raw = rawEnv(name);
      expect(raw.CONVENE_JWT_SECRET).toMatch(/^\$\{CONVENE_JWT_SECRET:\?[^}]+\}$/);
      if (agency) expect(raw.CONVENE_LINK_SECRET).toMatch(/^\$\{CONVENE_LINK_SECRET:\?[^}]+\}$/);
      // Optional: unset on the host, it arrives empty and /metrics stays off.
      expect(raw.CONVENE_METRICS_TOKEN).toBe('${CONVENE_METRICS_TOKEN:-}');
      expect('CONVENE_DEV_SIGNIN' in raw).toBe(false);
    });

    it(agency ? 'holds the link-token secret' : 'does not hold the link-token secret', () => {
      expect('CONVENE_LINK_SECRET' in rawEnv(name)).toBe(agency);
      expect(requiredKeys(shape).includes('CONVENE_LINK_SECRET')).toBe(agency);
    });

    it('reaches Kafka and MongoDB by their compose service names', () => {
      const e = env(name);
      const advertised = rawEnv('kafka').KAFKA_ADVERTISED_LISTENERS ?? '';
      const brokers = e.KAFKA_BROKERS?.split(',').map((b) => b.trim()) ?? [];
      expect(brokers.length).toBeGreaterThan(0);
      for (const broker of brokers) expect(advertised.split(',')).toContain(`PLAINTEXT://${broker}`);
      expect(e.MONGO_URL).toMatch(/^mongodb:\/\/mongo:27017\/?$/);
    });

    it('waits for healthy Kafka and MongoDB, has a health check and restarts', () => {
      const s = service(name);
      expect(s.depends_on).toMatchObject({ kafka: { condition: 'service_healthy' }, mongo: { condition: 'service_healthy' } });
      expect(s.healthcheck?.disable).not.toBe(true);
      expect(Array.isArray(s.healthcheck?.test)).toBe(true);
      expect((s.healthcheck?.test as string[]).join(' ')).toContain('/health');
      expect(s.restart).toBe('unless-stopped');
    });
  });

  it('gives every service a different port', () => {
    const ports = services.map(({ name }) => env(name).PORT);
    expect(new Set(ports).size).toBe(services.length);
  });
});

describe('docker-compose.yml infrastructure', () => {
  it('runs Kafka 3.x (kafkajs 2.2.4 cannot talk to Kafka 4) in single-node KRaft mode', () => {
    const kafka = service('kafka');
    expect(kafka.image).toMatch(/^apache\/kafka:3\.\d+\.\d+$/);
    const e = rawEnv('kafka');
    expect(e.KAFKA_PROCESS_ROLES?.split(',').sort()).toEqual(['broker', 'controller']);
    expect(e.KAFKA_LISTENERS?.split(',').sort()).toEqual(['CONTROLLER://:9093', 'PLAINTEXT://:9092']);
    expect(e.KAFKA_ADVERTISED_LISTENERS).toBe('PLAINTEXT://kafka:9092');
    expect(e.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(`${e.KAFKA_NODE_ID}@kafka:9093`);
    expect(e.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe('1');
    expect(e.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR).toBe('1');
    expect(e.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    expect(JSON.stringify(kafka.healthcheck?.test)).toContain('kafka-broker-api-versions.sh --bootstrap-server localhost:9092');
  });

  it("creates topics with as many partitions as the services' KAFKA_TOPIC_PARTITIONS default", () => {
    for (const { shape } of services) {
      const partitions = z.object(shape).shape.KAFKA_TOPIC_PARTITIONS!.parse(undefined);
      expect(rawEnv('kafka').KAFKA_NUM_PARTITIONS).toBe(String(partitions));
    }
  });

  it('runs MongoDB 7 with a health check and a named volume', () => {
    const mongo = service('mongo');
    expect(mongo.image).toBe('mongo:7');
    expect(JSON.stringify(mongo.healthcheck?.test)).toContain("db.adminCommand('ping').ok");
    const volumes = (mongo.volumes ?? []).map(String);
    expect(volumes.some((v) => /^[a-z0-9_-]+:\/data\/db$/.test(v))).toBe(true);
    const named = volumes.find((v) => v.endsWith(':/data/db'))!.split(':')[0]!;
    expect(Object.keys((compose as { volumes?: Record<string, unknown> }).volumes ?? {})).toContain(named);
  });
});

describe('Dockerfile', () => {
  const runtimeStage = dockerfile.slice(dockerfile.search(/^FROM\s+\S+\s+AS\s+runtime\s*$/im));
  const buildStage = dockerfile.slice(0, dockerfile.search(/^FROM\s+\S+\s+AS\s+runtime\s*$/im));

  it('builds on node:20-bookworm-slim with a build stage and a runtime stage', () => {
    expect(dockerfile).toMatch(/^FROM\s+node:20-bookworm-slim\b/m);
    expect(dockerfile).toMatch(/^FROM\s+\S+\s+AS\s+build\s*$/im);
    expect(dockerfile).toMatch(/^FROM\s+\S+\s+AS\s+runtime\s*$/im);
  });

  it('copies every workspace manifest before npm ci so the lock file validates', () => {
    const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
    for (const stage of [buildStage, runtimeStage]) {
      const install = stage.search(/^(?!\s*#).*\bnpm ci\b/m);
      expect(install).toBeGreaterThan(0);
      for (const ws of workspaces) expect(stage.slice(0, install)).toContain(`COPY ${ws}/package.json`);
    }
  });

  it('runtime stage takes ARG SERVICE, installs production dependencies only and runs as node', () => {
    expect(runtimeStage).toMatch(/^ARG SERVICE\s*$/m);
    expect(runtimeStage).toMatch(/npm ci --omit=dev --workspace=@convene\/\$\{SERVICE\}/);
    expect(runtimeStage).toMatch(/^ENV\b.*\bNODE_ENV=production\b/m);
    expect(runtimeStage).toMatch(/^ENV\b.*\bHOST=0\.0\.0\.0\b/m);
    expect(runtimeStage).toMatch(/^USER node\s*$/m);
    expect(runtimeStage).toMatch(/^HEALTHCHECK\b/m);
    expect(runtimeStage).toMatch(/^CMD\b.*services\/\$\{SERVICE\}\/dist\/main\.js/m);
  });
});

describe('.dockerignore', () => {
  it('keeps host build output, dependencies and secrets out of the build context', () => {
    const lines = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const pattern of ['**/node_modules', '**/dist', '.git', '.env']) expect(lines).toContain(pattern);
  });
});

/**
 * docker-compose.scale.yml, layered over docker-compose.yml as `docker compose -f … -f …` does: a service's
 * mappings (environment, depends_on) merge key by key, anything else in the override replaces the base's.
 */
describe('docker-compose.scale.yml (three brokers, a replica set, two conference instances)', () => {
  const scale = parse(read('docker-compose.scale.yml'), { merge: true }) as { services?: Record<string, ComposeService>; volumes?: Record<string, unknown> };
  const overrides = scale.services ?? {};
  const asMap = (e: ComposeService['environment']) => (Array.isArray(e) ? Object.fromEntries(e.map((l) => String(l).split('=') as [string, string])) : e ?? {});
  function merged(name: string): ComposeService {
    const base = composeServices[name] ?? {};
    const over = overrides[name] ?? {};
    return {
      ...base, ...over,
      environment: { ...asMap(base.environment), ...asMap(over.environment) },
      ...(over.depends_on ?? base.depends_on ? { depends_on: { ...(base.depends_on as object), ...(over.depends_on as object) } as ComposeService['depends_on'] } : {}),
    };
  }
  const envOf = (name: string): Env => Object.fromEntries(Object.entries(merged(name).environment as Record<string, unknown>).map(([k, v]) => [k, interpolate(String(v ?? ''))]));
  const brokers = ['kafka', 'kafka-2', 'kafka-3'];

  it('runs three Kafka 3.x nodes, each broker and controller, with one quorum naming all three', () => {
    const ids = brokers.map((b) => envOf(b).KAFKA_NODE_ID);
    expect(new Set(ids).size).toBe(3);
    for (const b of brokers) {
      const e = envOf(b);
      expect(merged(b).image).toMatch(/^apache\/kafka:3\./);
      expect(e.KAFKA_PROCESS_ROLES).toBe('broker,controller');
      expect(e.KAFKA_ADVERTISED_LISTENERS).toBe(`PLAINTEXT://${b}:9092`);
      expect(e.KAFKA_CONTROLLER_QUORUM_VOTERS!.split(',').sort()).toEqual(brokers.map((x, i) => `${ids[i]}@${x}:9093`).sort());
      expect(e.CLUSTER_ID).toBe(envOf('kafka').CLUSTER_ID);
    }
  });

  it('keeps three copies of every topic, internal ones included, and acknowledges a write once two hold it', () => {
    for (const b of brokers) {
      const e = envOf(b);
      expect(e.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe('3');
      expect(e.KAFKA_DEFAULT_REPLICATION_FACTOR).toBe('3');
      expect(e.KAFKA_MIN_INSYNC_REPLICAS).toBe('2');
    }
    for (const name of ['conference', 'conference-2', 'police', 'cps', 'health', 'advocacy']) expect(envOf(name).KAFKA_TOPIC_REPLICATION_FACTOR).toBe('3');
  });

  it('runs MongoDB 7 as a three-member replica set, started by the first member\'s health check', () => {
    const members = ['mongo', 'mongo-2', 'mongo-3'];
    for (const m of members) {
      expect(merged(m).image).toBe('mongo:7');
      expect(merged(m).command).toEqual(['--replSet', 'rs0', '--bind_ip_all']);
    }
    const initiate = JSON.stringify(merged('mongo').healthcheck?.test);
    for (const m of members) expect(initiate).toContain(`${m}:27017`);
    expect(Object.keys(scale.volumes ?? {})).toEqual(expect.arrayContaining(['mongo-2-data', 'mongo-3-data', 'kafka-2-data', 'kafka-3-data']));
  });

  it('points every service at all three brokers and the whole replica set, with settings its schema accepts', () => {
    const loaders: Record<string, (env: NodeJS.ProcessEnv) => unknown> = Object.fromEntries(services.map((s) => [s.name, s.load]));
    for (const name of ['conference', 'conference-2', 'police', 'cps', 'health', 'advocacy']) {
      const e = envOf(name);
      expect(e.KAFKA_BROKERS!.split(',').sort()).toEqual(brokers.map((b) => `${b}:9092`).sort());
      expect(e.MONGO_URL).toBe('mongodb://mongo:27017,mongo-2:27017,mongo-3:27017/?replicaSet=rs0');
      const load = loaders[name.replace(/-2$/, '')]!;
      expect(() => load({ ...e, CONVENE_LINK_SECRET: e.CONVENE_LINK_SECRET ?? DUMMY_SECRET })).not.toThrow();
    }
  });

  it('runs a second conference instance like the first, on a port of its own, waiting for the whole cluster', () => {
    const one = merged('conference');
    const two = merged('conference-2');
    expect(two.build).toEqual(one.build);
    const { PORT: _p1, ...first } = envOf('conference');
    const { PORT: _p2, ...second } = envOf('conference-2');
    expect(second).toEqual(first);
    expect(portMappings('conference')[0]!.published).not.toBe(Number(String(two.ports?.[0]).split(':')[1]));
    expect(String(two.ports?.[0])).toMatch(/^127\.0\.0\.1:/);
    for (const s of [one, two]) expect(Object.keys(s.depends_on as object).sort()).toEqual(expect.arrayContaining([...brokers, 'mongo']));
  });
});
