import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  configVariableNames,
  copySources,
  envOf,
  parseDockerfile,
  REPO_ROOT,
  readRepoFile,
} from './deploy-files.js';

describe('parseDockerfile', () => {
  it('joins continuations, separates flags and names stages', () => {
    const stages = parseDockerfile(
      'FROM node:20-slim AS build\n# note\nRUN a \\\n  && b\nFROM node:20-slim\nCOPY --from=build /x y\n',
    );
    expect(stages.map((stage) => stage.name)).toEqual(['build', undefined]);
    expect(stages[0]?.instructions[0]).toMatchObject({ keyword: 'RUN', args: 'a && b', line: 3 });
    expect(stages[1]?.instructions[0]).toMatchObject({ flags: ['--from=build'], args: '/x y' });
  });

  it('names the line of an instruction before FROM', () => {
    expect(() => parseDockerfile('RUN true\n')).toThrow('Dockerfile line 1: RUN before the first FROM');
  });
});

describe('Dockerfile', () => {
  const stages = parseDockerfile(readRepoFile('Dockerfile'));
  const runtime = stages.at(-1);
  if (!runtime) throw new Error('the Dockerfile has no FROM');
  const keywords = (stage: typeof runtime, keyword: string) =>
    stage.instructions.filter((instruction) => instruction.keyword === keyword);

  it('builds in one stage and runs from a small node 20 image in another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toMatch(/^node:20-(slim|alpine)$/);
    expect(stages[0]?.instructions.some((step) => /npm ci(?!.*--omit=dev)/.test(step.args))).toBe(true);
    const installs = keywords(runtime, 'RUN').filter((step) => step.args.includes('npm ci'));
    expect(installs.length).toBe(1);
    expect(installs[0]?.args).toContain('--omit=dev');
    const copied = keywords(runtime, 'COPY').filter((step) =>
      step.flags.includes(`--from=${stages[0]?.name}`),
    );
    for (const pkg of ['core', 'receiver', 'server', 'admin-ui'])
      expect(copied.some((step) => step.args.startsWith(`/app/packages/${pkg}/dist `))).toBe(true);
  });

  it('runs as a user other than root', () => {
    const user = keywords(runtime, 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('listens on every interface, exposes the port and keeps the data folder in a volume', () => {
    const env = envOf(runtime);
    expect(env.get('HOST')).toBe('0.0.0.0');
    expect(keywords(runtime, 'EXPOSE').map((step) => step.args)).toContain(env.get('PORT'));
    const dataDir = env.get('TOOLGATE_DATA_DIR');
    expect(dataDir).toBeDefined();
    const volumes = keywords(runtime, 'VOLUME').flatMap((step) =>
      step.args.startsWith('[') ? (JSON.parse(step.args) as string[]) : step.args.split(' '),
    );
    expect(volumes).toContain(dataDir);
  });

  it('checks its health with node on loopback, since the image has no curl', () => {
    const check = keywords(runtime, 'HEALTHCHECK').at(-1)?.args ?? '';
    expect(check).toMatch(/CMD \["node", "-e", ".*http:\/\/127\.0\.0\.1:.*\/(readyz|healthz)/);
    const command = JSON.parse(check.slice(check.indexOf('CMD ') + 4)) as string[];
    expect(() => new Function(command[2] ?? '')).not.toThrow();
  });

  it('copies only files that exist in the repository and that .dockerignore lets in', () => {
    const ignored = readRepoFile('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const entry of ['node_modules', '**/node_modules', '**/dist', '.git', '.env'])
      expect(ignored).toContain(entry);
    for (const stage of stages)
      for (const step of stage.instructions) {
        if (
          (step.keyword !== 'COPY' && step.keyword !== 'ADD') ||
          step.flags.some((f) => f.startsWith('--from'))
        )
          continue;
        for (const source of copySources(step)) {
          expect(existsSync(`${REPO_ROOT}${source}`), `Dockerfile line ${step.line}: ${source}`).toBe(true);
          expect(ignored, `Dockerfile line ${step.line}: ${source} is ignored`).not.toContain(
            source.replace(/\/$/, ''),
          );
        }
      }
  });

  it('starts the built server', () => {
    expect(keywords(runtime, 'CMD').at(-1)?.args).toBe(
      '["node", "packages/server/bin/toolgate.js", "start"]',
    );
  });
});

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  env_file?: string | string[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

describe('compose.yaml', () => {
  const compose = parse(readRepoFile('compose.yaml'), { merge: true }) as {
    services: Record<string, ComposeService>;
    networks: Record<string, { ipam?: { config?: Array<{ subnet: string }> } }>;
  };
  const services = compose.services;
  const toolgates = Object.entries(services).filter(([, service]) => service.image === 'toolgate:local');

  it('runs PostgreSQL, Redis, a proxy and two Toolgate instances built from this repository', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'proxy']));
    expect(toolgates.map(([name]) => name)).toEqual(['toolgate-1', 'toolgate-2']);
    for (const [, service] of toolgates) expect(service.build).toBe('.');
  });

  it('pins the major version of every image it pulls', () => {
    for (const name of ['postgres', 'redis', 'proxy'])
      expect(services[name]?.image, name).toMatch(/^[a-z]+:\d+(\.\d+)*(-[a-z]+)?$/);
  });

  it('gives every service a healthcheck and starts each after what it needs is healthy', () => {
    for (const [name, service] of Object.entries(services))
      expect(service.healthcheck?.test, `${name} has a healthcheck`).toBeDefined();
    for (const [name, service] of toolgates) {
      expect(service.depends_on, name).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
      expect(service.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
      expect(service.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(service.environment?.HOST).toBe('0.0.0.0');
    }
    for (const [name] of toolgates)
      expect(services.proxy?.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
  });

  it('shares one secret key file between the instances, with an example that names the key', () => {
    const envFiles = new Set(toolgates.map(([, service]) => String(service.env_file)));
    expect(envFiles.size).toBe(1);
    const [envFile = ''] = envFiles;
    expect(readRepoFile('.gitignore').split('\n')).toContain(envFile);
    expect(readRepoFile('.dockerignore')).toContain('deploy/secrets');
    expect(readRepoFile(`${envFile}.example`)).toMatch(/^TOOLGATE_SECRET_KEY=/m);
  });

  it('uses only variable names the server reads', () => {
    const known = configVariableNames();
    expect(known.has('TOOLGATE_SECRET_KEY')).toBe(true);
    const example = readRepoFile('deploy/toolgate.env.example');
    const used = [
      ...toolgates.flatMap(([, service]) => Object.keys(service.environment ?? {})),
      ...[...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] ?? ''),
    ];
    for (const name of used) expect(known, `${name} is not read by parse-config`).toContain(name);
  });

  it('trusts forwarded headers from the compose network only', () => {
    const subnets = Object.values(compose.networks).flatMap((network) =>
      (network.ipam?.config ?? []).map((entry) => entry.subnet),
    );
    for (const [, service] of toolgates)
      expect(subnets).toContain(service.environment?.TOOLGATE_TRUSTED_PROXIES);
  });

  it('mounts a proxy configuration from deploy/ that balances over every instance', () => {
    const mount = services.proxy?.volumes?.find((volume) => volume.startsWith('./deploy/'));
    expect(mount).toBeDefined();
    const config = readRepoFile((mount ?? '').slice(2).split(':')[0] ?? '');
    for (const [name] of toolgates) expect(config).toContain(`${name}:3000`);
    expect(config).toContain('/readyz');
  });
});
