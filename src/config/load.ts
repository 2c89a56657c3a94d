/**
 * Reads `concord.yaml`: YAML with `${ENV_VAR}` references for secrets, validated by the zod schema. Errors name
 * the key, its line and the fix.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { ConcordError } from '../core/errors.js';
import { configSchema, type ConcordConfig } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'concord.yaml';

export interface LoadedConfig {
  config: ConcordConfig;
  /** Absolute path of the file, or undefined when defaults were used. */
  file: string | undefined;
  /** Directory relative paths in the config are resolved against. */
  baseDir: string;
}

export interface ConfigIssue {
  path: string;
  line: number | undefined;
  message: string;
  hint: string;
}

/** Replaces `${NAME}` with the environment variable; a missing variable is a config error naming it. */
export function interpolateEnv(text: string, env: NodeJS.ProcessEnv, file: string): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => {
    const value = env[name];
    if (value === undefined) {
      throw new ConcordError('CONFIG_ENV_MISSING', `environment variable ${name} is not set`, {
        kind: 'config',
        context: { file },
        hint: `export ${name}=… before running Concord`,
      });
    }
    return value;
  });
}

/** Validates parsed YAML text; returns the config or the list of issues with line numbers. */
export function parseConfigText(
  text: string,
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): { ok: true; config: ConcordConfig } | { ok: false; issues: ConfigIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        path: '',
        line: e.linePos?.[0]?.line,
        message: `YAML syntax: ${e.message.split('\n')[0] ?? e.message}`,
        hint: 'fix the YAML syntax (indentation, quotes, colons)',
      })),
    };
  }
  const raw: unknown = doc.toJS() ?? {};
  const interpolated = interpolateDeep(raw, env, file);
  const parsed = configSchema.safeParse(interpolated);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => describeIssue(issue, doc.contents, lineCounter)) };
}

function interpolateDeep(value: unknown, env: NodeJS.ProcessEnv, file: string): unknown {
  if (typeof value === 'string') return interpolateEnv(value, env, file);
  if (Array.isArray(value)) return value.map((v) => interpolateDeep(v, env, file));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, env, file)]));
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, root: YamlNode | null, lineCounter: LineCounter): ConfigIssue {
  const keys = issue.path.map(String);
  let path = keys.join('.');
  let message = issue.message;
  let hint = 'see the comments in the file that `concord init` writes';
  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys;
    path = [...keys, unknown[0] ?? ''].filter(Boolean).join('.');
    keys.push(unknown[0] ?? '');
    message = `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`;
    hint = 'remove it or check its spelling';
  } else if (issue.code === 'invalid_key') {
    message = `key "${keys[keys.length - 1] ?? ''}": ${issue.issues[0]?.message ?? issue.message}`;
    hint = 'rename the key';
  } else if (issue.code === 'invalid_type') {
    hint = `give ${path || 'it'} a value of type ${issue.expected}`;
  } else if (issue.code === 'invalid_value') {
    hint = `use one of: ${issue.values.map((v) => String(v)).join(', ')}`;
  } else if (issue.code === 'invalid_format' || issue.code === 'too_small' || issue.code === 'too_big') {
    hint = `change the value of ${path}`;
  }
  return { path, line: lineOf(root, keys, lineCounter), message, hint };
}

/** The line of a key path (`['systems', 'sf', 'path']`) in YAML text, or of its deepest existing ancestor. */
export function lineOfKeyPath(text: string, keys: readonly string[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return lineOf(doc.contents, keys, lineCounter);
}

function lineOf(root: YamlNode | null, keys: readonly string[], lineCounter: LineCounter): number | undefined {
  let node: unknown = root;
  let line: number | undefined = root?.range ? lineCounter.linePos(root.range[0]).line : undefined;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === key);
      if (!pair) break;
      const keyNode = pair.key as YamlNode | null;
      if (keyNode?.range) line = lineCounter.linePos(keyNode.range[0]).line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)] as YamlNode | undefined;
      if (!item) break;
      if (item.range) line = lineCounter.linePos(item.range[0]).line;
      node = item;
    } else break;
  }
  return line;
}

/**
 * Loads the config file (default `concord.yaml` in the working directory). A missing default file yields the
 * defaults; a missing named file is an error. `CONCORD_STORE_URL` overrides `store`.
 */
export function loadConfig(path: string | undefined, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const file = resolve(path ?? DEFAULT_CONFIG_FILE);
  let config: ConcordConfig;
  let usedFile: string | undefined = file;
  if (!existsSync(file)) {
    if (path !== undefined) {
      throw new ConcordError('CONFIG_NOT_FOUND', `config file ${file} does not exist`, {
        kind: 'config',
        hint: 'run `concord init` to write one, or pass --config <file>',
      });
    }
    config = configSchema.parse({});
    usedFile = undefined;
  } else {
    const result = parseConfigText(readFileSync(file, 'utf8'), file, env);
    if (!result.ok) {
      const first = result.issues[0]!;
      throw new ConcordError('CONFIG_INVALID', `${first.path ? `${first.path}: ` : ''}${first.message}`, {
        kind: 'config',
        context: first.line !== undefined ? { file, line: first.line } : { file },
        hint: result.issues.length > 1 ? `${first.hint} (and ${result.issues.length - 1} more: run \`concord config check\`)` : first.hint,
      });
    }
    config = result.config;
  }
  const storeOverride = env['CONCORD_STORE_URL'];
  if (storeOverride) config = { ...config, store: storeOverride };
  return { config, file: usedFile, baseDir: usedFile ? dirname(usedFile) : process.cwd() };
}
