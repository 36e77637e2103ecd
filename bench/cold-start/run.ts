/**
 * Cold start: the CPU time (user + system, child processes included) and wall time of whole CLI
 * runs beside `node -e 0`, each command and the baseline in turn so that drift of the machine hits
 * both alike, and how many modules the CLI process loads for each: `enrollkit --help`,
 * `--version`, `discovery`, and `lint` and `plan` (embedded backend) of
 * examples/web-based-enrollment, plan both cold (`--no-cache`: the app runs and is type-checked)
 * and warm (the synth cache keeps the output of the unchanged app). Runs the built CLI
 * (`npm run build` first); Linux only (reads the CPU time of finished children from /proc/self/stat).
 *
 * Run: npm run build && npx tsx bench/cold-start/run.ts [runs] (default 5)
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'enrollkit.js');
const EXAMPLE = join(ROOT, 'examples', 'web-based-enrollment');
const RUNS = Number(process.argv[2] ?? 5);
const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim());
/** Preloaded into the CLI process: prints how many modules it loaded when it exits. */
const COUNT_MODULES = "process.on('exit', () => process.stderr.write(`\\nmodules loaded: ${Object.keys(require.cache).length}\\n`));";

/** CPU seconds of the finished (waited-for) children of this process and theirs. */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // Fields 16 and 17 of stat(5), cutime and cstime; the split starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

function spawn(args: readonly string[], cwd: string) {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0 && result.status !== 2) throw new Error(`${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return result;
}

/** Runs a command to its end and returns its CPU and wall seconds. */
function run(args: readonly string[], cwd: string): { cpu: number; wall: number } {
  const cpu = childrenCpuSeconds();
  const start = performance.now();
  spawn(args, cwd);
  return { cpu: childrenCpuSeconds() - cpu, wall: (performance.now() - start) / 1000 };
}

/** How many modules the CLI process loads for a command (those of the app's own process not counted). */
function modulesLoaded(args: readonly string[], cwd: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'enrollkit-bench-'));
  try {
    writeFileSync(join(dir, 'count-modules.js'), COUNT_MODULES);
    const { stderr } = spawn(['--require', join(dir, 'count-modules.js'), ...args], cwd);
    return Number(/modules loaded: (\d+)/.exec(stderr)?.[1] ?? NaN);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function main(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const plan = [CLI, 'plan', '--backend', 'embedded'];
  const commands: [string, string[], string][] = [
    ['enrollkit --help', [CLI, '--help'], ROOT],
    ['enrollkit --version', [CLI, '--version'], ROOT],
    ['enrollkit discovery', [CLI, 'discovery', '--tenant-id', '72f988bf-86f1-41af-91ab-2d7cd011db47'], ROOT],
    ['enrollkit lint (web-based-enrollment, warm)', [CLI, 'lint'], EXAMPLE],
    ['enrollkit plan (web-based-enrollment, embedded, cold: --no-cache)', [...plan, '--no-cache'], EXAMPLE],
    ['enrollkit plan (web-based-enrollment, embedded, warm)', plan, EXAMPLE],
  ];
  const table = new Table({
    style: { head: [], border: [] },
    head: ['command', 'modules', 'CPU s (median)', 'wall s (median)', 'node -e 0 CPU s', 'CPU vs node -e 0'],
  });
  for (const [name, args, cwd] of commands) {
    run(args, cwd);
    const ours: { cpu: number; wall: number }[] = [];
    const baseline: { cpu: number; wall: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(run(args, cwd));
      baseline.push(run(['-e', '0'], ROOT));
    }
    const [cpu, base] = [median(ours.map((r) => r.cpu)), median(baseline.map((r) => r.cpu))];
    table.push([name, String(modulesLoaded(args, cwd)), cpu.toFixed(2), median(ours.map((r) => r.wall)).toFixed(2), base.toFixed(3), `${(cpu / base).toFixed(1)}x`]);
  }
  process.stdout.write(`whole-process figures, median of ${RUNS} runs each after a warm-up, Node ${process.version}\n`);
  process.stdout.write(`${table.toString()}\n`);
}

main();
