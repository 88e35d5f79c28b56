// Where cargo puts its builds: `target_directory` from `cargo metadata`, which honours
// CARGO_TARGET_DIR and `build.target-dir`, so that a build in another target directory
// (e.g. CARGO_TARGET_DIR=/tmp/t trunk build --release) never picks up a stale file from
// ./target.
import { execFileSync } from 'node:child_process';

export function cargoTargetDir(root) {
  const out = execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  const dir = JSON.parse(out).target_directory;
  if (!dir) throw new Error('cargo metadata gave no target_directory');
  return dir;
}
