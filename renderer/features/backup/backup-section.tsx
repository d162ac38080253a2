/** Backup and restore, shown in Settings. Placeholder until that feature lands. */
export function BackupSection() {
  return null;
}
