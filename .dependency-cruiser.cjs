// The stages of the core, in the one direction they may depend on each other: a module may
// import its own stage and earlier ones, never a later one, and nothing outside the core
// (the IPC contract, Electron, the CLI, the web bridge, the renderer). `npm run lint:stages`
// checks it; tests/unit/stage-rules.test.ts proves that a backward import fails it.
const STAGES = [
  ['kernel', '^src-main/core/(app-error|progress|task-progress)\\.ts$'],
  ['money', '^src-main/core/money/'],
  ['storage', '^src-main/db/'],
  ['context', '^src-main/core/(context\\.ts$|operator/|settings/)'],
  ['periods', '^src-main/core/periods/'],
  ['ledger', '^src-main/core/ledger/'],
  ['program', '^src-main/core/program/'],
  ['import', '^src-main/core/import/'],
  ['sales', '^src-main/core/sales/'],
  ['decisions', '^src-main/core/decisions/'],
  ['scoring', '^src-main/core/scoring/'],
  ['verification', '^src-main/core/verification/'],
  ['approval', '^src-main/core/approval/'],
  ['payouts', '^src-main/core/payouts/'],
  ['reports', '^src-main/core/reports/'],
  ['audit', '^src-main/core/audit/'],
  // Backups, restore and the check at every start read every earlier stage; nothing reads them but the outside
  // layer (the hosts, the IPC handlers, the CLI).
  ['backup', '^src-main/core/backup/'],
  ['demo', '^src-main/core/demo/'],
];

const backward = STAGES.slice(0, -1).map(([name, path], i) => ({
  name: `stage-${name}-looks-back`,
  comment: `The ${name} stage may import only itself and earlier stages.`,
  severity: 'error',
  from: { path },
  to: {
    path: STAGES.slice(i + 1)
      .map(([, later]) => `(${later})`)
      .join('|'),
  },
}));

module.exports = {
  forbidden: [
    ...backward,
    {
      name: 'core-imports-the-shell',
      comment:
        'The core is plain TypeScript: the IPC contract, Electron, the CLI, the web bridge and the renderer sit outside it.',
      severity: 'error',
      from: { path: '^src-main/(core|db)/' },
      to: { path: '^(src-main/(ipc|electron|preload|cli|web)/|src-renderer/)' },
    },
    {
      name: 'no-circular',
      comment:
        'Modules that import each other in a loop. The error catalogue is the one exception: it names, by type only, the details of the stages that refuse, and they name its AppErrorData; types vanish at run time.',
      severity: 'error',
      from: { path: '^src-main/' },
      to: { circular: true, viaOnly: { pathNot: '^src-main/core/error-catalogue\\.ts$' } },
    },
    {
      name: 'error-catalogue-types-only',
      comment: 'The error catalogue looks forward by type only, and is imported by type only.',
      severity: 'error',
      from: { path: '^src-main/core/error-catalogue\\.ts$' },
      to: { dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'production-imports-tests',
      comment: 'Test fixtures live under tests/; production code never imports them.',
      severity: 'error',
      from: { path: '^src-(main|renderer)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '(^tests/|\\.test\\.tsx?$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^out/|^node_modules/|\\.test\\.tsx?$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.d.mts'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
