/**
 * What a run says beside its findings: in the job summary and the check run (the action), after the report
 * (the CLI). Each note has a kind, so a caller picks notes by what they are, never by their wording.
 */
export type NoteKind =
  /** GitHub listed at most 3,000 files of the pull request. */
  | 'files-capped'
  /** The hooks config: changed by the pull request, read from elsewhere than asked. */
  | 'config'
  /** Files that could not be reviewed (binary, no diff). */
  | 'files-unreviewable'
  /** Files NOT scanned for secrets. */
  | 'files-unscanned'
  /** A hook's own remark: output cut, a pattern skipped, the secret scan off. */
  | 'hooks'
  /** No AI review was asked for (no token, no API key). */
  | 'ai-skipped'
  /** A hook blocked the AI review request. */
  | 'ai-blocked'
  /** What the AI review left out or dropped: withheld files, content cut to the request limit, comments on unsent files. */
  | 'ai-review'
  /** The AI review did not run to completion. */
  | 'ai-incomplete'
  /** The model's token usage. */
  | 'ai-usage'
  /** Earlier AI findings on files not reviewed again, carried into the gate. */
  | 'findings-carried'
  /** Publishing: comments not posted, a missing permission, a dry run, annotations over GitHub's limits. */
  | 'publish';

/**
 * `warning` and `notice` notes are said in the log when added (the runner makes them annotations); `summary`
 * notes only in the summary, and the CLI prints them after its report.
 */
export type NoteLevel = 'warning' | 'notice' | 'summary';

export interface Note {
  readonly kind: NoteKind;
  readonly level: NoteLevel;
  readonly message: string;
}

export interface NoteLog {
  warning(message: string): void;
  notice(message: string): void;
}

/** The run's notes, in the order they were added. */
export interface Notes {
  add(kind: NoteKind, message: string, level?: NoteLevel): void;
  /** Notes another step collected, kept as they are (they were said when that step added them). */
  include(notes: readonly Note[]): void;
  list(): readonly Note[];
}

/** A collector that says `warning` and `notice` notes in `log` as they are added. */
export function createNotes(log?: NoteLog): Notes {
  const notes: Note[] = [];
  return {
    add(kind, message, level = 'summary') {
      if (level === 'warning') log?.warning(message);
      else if (level === 'notice') log?.notice(message);
      notes.push({ kind, level, message });
    },
    include(more) {
      notes.push(...more);
    },
    list: () => [...notes],
  };
}
