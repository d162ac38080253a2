import { describeProblem, type BackupProblem } from '../../../shared/domain/backup';

/** The first problems of a refused backup, each with its path; nothing was written. */
export function ProblemList({ problems }: { problems: readonly BackupProblem[] }) {
  return (
    <div className="form-error backup-problems" role="alert">
      <p>This backup cannot be imported; nothing was written.</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{describeProblem(p)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
