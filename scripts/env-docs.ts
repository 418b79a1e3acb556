/**
 * Writes `.env.example` and the configuration table of README.md from the config schema, so
 * neither can drift from the code. `npm run docs:env`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describeEnv } from '../src/config/config.js';

export function envTable(): string {
  const rows = describeEnv().map(
    (v) => `| \`${v.name}\` | ${v.defaultValue ? `\`${v.defaultValue}\`` : '—'} | ${v.description} |`,
  );
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

export function envExample(): string {
  return `${describeEnv()
    .map((v) => `# ${v.description}\n${v.defaultValue ? `# ${v.name}=${v.defaultValue}` : `# ${v.name}=`}`)
    .join('\n\n')}\n`;
}

const BEGIN = '<!-- env:begin -->';
const END = '<!-- env:end -->';

export function readmeWithTable(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error('README.md lacks the env markers');
  return `${readme.slice(0, start + BEGIN.length)}\n${envTable()}\n${readme.slice(end)}`;
}

if (process.argv[1]?.endsWith('env-docs.ts')) {
  writeFileSync('.env.example', envExample());
  writeFileSync('README.md', readmeWithTable(readFileSync('README.md', 'utf8')));
}
