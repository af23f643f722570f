// Builders for engine inputs in tests: the reference program's rules and terse participants,
// products and lines, so that a scenario reads like the tables of reference-program.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProgramConfig, type ProgramConfig } from '../program/program-config';
import { findProjectRoot } from '../../db/project-paths';
import type { ScoringInput, ScoringLine, ScoringParticipant, ScoringProduct } from './score-types';

export function referenceConfig(): ProgramConfig {
  const parsed = parseProgramConfig(JSON.parse(readFileSync(join(findProjectRoot(), 'examples', 'reference-program.json'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.value;
}

export function participant(code: string, joinDate: string | null, options: Partial<ScoringParticipant> = {}): ScoringParticipant {
  return { code, name: `Rep ${code}`, joinDate, active: true, destination: 'card', ...options };
}

export function product(sku: string, group: string | null, promoted: boolean, pointsPerUnit: number | null = null): ScoringProduct {
  return { sku, group, promoted, pointsPerUnit };
}

let nextId = 1;
export function line(participantCode: string, date: string, sku: string, quantity: number, netMinor: number, row?: number): ScoringLine {
  const id = nextId++;
  return { id, batchId: 1, row: row ?? id + 1, date, participantCode, sku, quantity, netMinor };
}

export function inputFor(period: string, parts: Partial<ScoringInput> & Pick<ScoringInput, 'lines'>): ScoringInput {
  const config = referenceConfig();
  return {
    period,
    firstPeriod: config.firstPeriod,
    rules: config.rules,
    rulesVersion: 1,
    pointValueMinor: config.pointValueMinor,
    participants: new Map(),
    products: new Map(),
    previousVolume: new Map(),
    targets: new Map(),
    carry: new Map(),
    adjustments: new Map(),
    corrections: new Map(),
    ...parts,
  };
}

export function byCode<T extends { code: string } | { sku: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((i) => ['code' in i ? i.code : i.sku, i]));
}
