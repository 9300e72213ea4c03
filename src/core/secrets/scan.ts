import type { AddedLine } from '../types.js';
import { BUILTIN_RULES } from './rules.js';
import type { SecretMatch, SecretRule, SecretScanOptions } from './types.js';

const PLACEHOLDER = /example|x{6,}|dummy|sample|placeholder|your[-_]?(?:key|token|secret)/i;

/**
 * Finds secrets in added lines. Lines are joined so that multi-line secrets (PEM blocks) are seen whole,
 * and offsets are mapped back to the caller's line numbers.
 */
export function scanSecrets(lines: readonly AddedLine[], options: SecretScanOptions = {}): SecretMatch[] {
  const rules = options.rules ?? BUILTIN_RULES;
  const allow = (options.allow ?? []).map((a) => new RegExp(a));
  const text = lines.map((l) => l.text).join('\n');
  const lower = text.toLowerCase();
  const lineStarts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    lineStarts.push(offset);
    offset += l.text.length + 1;
  }
  const matches: SecretMatch[] = [];
  for (const rule of rules) {
    if (!rule.keywords.some((k) => lower.includes(k))) continue;
    const re = new RegExp(
      rule.pattern.source,
      rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g',
    );
    for (const m of text.matchAll(re)) {
      const secret = m[rule.secretGroup ?? 0] ?? m[0];
      if (!isLikelySecret(rule, secret) || allow.some((a) => a.test(secret))) continue;
      const start = (m.index ?? 0) + m[0].indexOf(secret);
      const startIndex = indexOfLine(lineStarts, start);
      const endIndex = indexOfLine(lineStarts, start + secret.length - 1);
      matches.push({
        ruleId: rule.id,
        description: rule.description,
        severity: rule.severity ?? 'error',
        line: lines[startIndex]!.line,
        endLine: lines[endIndex]!.line,
        column: start - lineStarts[startIndex]! + 1,
        secret,
      });
    }
  }
  return matches.sort((a, b) => a.line - b.line || a.column - b.column);
}

function isLikelySecret(rule: SecretRule, secret: string): boolean {
  if (PLACEHOLDER.test(secret) && rule.id !== 'private-key') return false;
  if (rule.id === 'private-key' && /\n\s*\.\.\.\s*\n/.test(secret)) return false;
  if (rule.validate && !rule.validate(secret)) return false;
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
  return true;
}

export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function indexOfLine(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
