// Client files made for the import wizard's tests and screenshots: written into the test's
// own folder, small unless size is the point.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplesDir } from './fixtures';

export const SALES_OCTOBER = join(samplesDir, 'sales-2026-10.csv');

/** The data rows of a CSV sample: its lines after the header, blank ones left out. */
export function csvDataRows(path: string): string[] {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  return lines.slice(1).filter((line) => line.trim() !== '');
}

/** A participants CSV whose code column is headed with words no synonym knows: the operator must map it. */
export function writeUnknownHeaderParticipants(dir: string): string {
  const path = join(dir, 'handlowcy-niestandardowi.csv');
  const rows = [
    'Numer handlowca;Imię i nazwisko;E-mail;Region',
    'H-101;Anna Kowalska;anna.kowalska@client.example;North',
    'H-102;Piotr Nowak;piotr.nowak@client.example;South',
    'H-103;Maria Wójcik;maria.wojcik@client.example;East',
  ];
  writeFileSync(path, rows.join('\r\n'), 'utf8');
  return path;
}

/** A participants CSV of `count` rows: big enough that reading it takes a moment, for progress and cancel. */
export function writeLargeParticipants(dir: string, count: number): string {
  const path = join(dir, `participants-${count}.csv`);
  const parts: string[] = ['Kod przedstawiciela;Imię i nazwisko;E-mail;Region;Data przystąpienia;Karta;Status'];
  const regions = ['North', 'South', 'East', 'West', 'Central'];
  for (let i = 1; i <= count; i++) {
    const code = `B${String(i).padStart(7, '0')}`;
    parts.push(
      `${code};Participant ${i};${code.toLowerCase()}@client.example;${regions[i % 5]};${String((i % 28) + 1).padStart(2, '0')}.08.2026;4000-${i};aktywny`,
    );
  }
  writeFileSync(path, parts.join('\r\n'), 'utf8');
  return path;
}

/** A participants CSV with something of everything: good rows, bad cells, a duplicate, a totals row. */
export function writeParticipantsWithProblems(
  dir: string,
  name = 'participants-october.csv',
  region = 'Central',
): string {
  const path = join(dir, name);
  const rows = [
    'Kod przedstawiciela;Imię i nazwisko;E-mail;Data przystąpienia;Karta;Status;Region;IBAN',
    `R0002;Jakub Malinowski;r0002@client.example;09.08.2026;4000-0002;aktywny;${region};`,
    'R0005;Natalia Górska;r0005@client.example;21.08.2026;4000-0005;aktywny;North;',
    'R0013;Tomasz Lewandowski;r0013@client.example;02.10.2026;4000-0013;aktywny;East;',
    'R0014;Agnieszka Dąbrowska;agnieszka(at)client;03.10.2026;4000-0014;aktywny;East;',
    'R0015;Paweł Kamiński;r0015@client.example;31.02.2026;;aktywny;West;',
    'R0016;Ewa Zielińska;r0016@client.example;05.10.2026;;aktywny;West;PL61109010140000071219812875',
    'R0013;Tomasz Lewandowski;r0013@client.example;02.10.2026;4000-0013;aktywny;East;',
    'R0017;;r0017@client.example;06.10.2026;4000-0017;aktywny;North;',
    'R0018;Marek Wiśniewski;r0018@client.example;07.10.2026;4000-0018;zawieszony;North;',
    'Razem;;;;;;;',
  ];
  writeFileSync(path, rows.join('\r\n'), 'utf8');
  return path;
}

/**
 * The October sales file as the client corrects it: two lines gone, one changed, one added,
 * and a line with a value that cannot be read.
 */
export function writeCorrectedSales(dir: string): string {
  const path = join(dir, 'sales-2026-10-corrected.csv');
  const text = readFileSync(SALES_OCTOBER, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const [header, ...data] = lines;
  const kept = data.slice(2);
  kept[0] = (kept[0] ?? '').replace(/;(\d+);([\d,]+);/, ';$1;999,99;');
  kept.push('30.10.2026;R0001;TOY-3;3;22,53;FV/10/900');
  kept.push('31.10.2026;R0002;DOG-01;dwa;44,00;FV/10/901');
  writeFileSync(path, `\uFEFF${[header, ...kept].join('\r\n')}\r\n`, 'utf8');
  return path;
}
