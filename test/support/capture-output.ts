/** An `Output` that records what a command prints, for tests that drive the CLI in process. */
import type { Output } from '../../src/cli/output.js';

export interface CapturedOutput extends Output {
  readonly stdout: string[];
  readonly stderr: string[];
  text(): string;
}

export function captureOutput(): CapturedOutput {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    interactive: false,
    out: (text) => void stdout.push(text),
    err: (text) => void stderr.push(text),
    text: () => [...stdout, ...stderr].join('\n'),
  };
}
